"""This machine's address on the local network, printed by ``make run HOST=0.0.0.0``.

The live room's QR code holds the address the facilitator's page was opened at (in the workbench,
the page itself; in the LMS, ``LMS_ROOT_URL`` or the request's host: ``common.live_room.unit_url``).
Opened at ``127.0.0.1``, it sends the room's phones to themselves; opened at this address, on a
workbench that listens beyond this machine, they reach it. Prints nothing when no such address is
found (no network): the facilitator then looks it up (``ip -4 addr``, the Wi-Fi settings).
"""

import ipaddress
import socket

# TEST-NET-1 (RFC 5737): a UDP socket "connected" there sends nothing; the system only picks the
# interface (and so the address) its route to the outside would use
PROBE = ("192.0.2.1", 9)


def usable(address):
    """An IPv4 address another machine on the network may reach: not loopback, not link-local."""
    try:
        ip = ipaddress.IPv4Address(address)
    except ValueError:
        return False
    return not (ip.is_loopback or ip.is_link_local or ip.is_unspecified or ip.is_multicast)


def lan_address():
    """The address of the interface the default route uses, else the first usable one the machine's
    name resolves to (a room's Wi-Fi without a way out has no default route), else ""."""
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
            probe.connect(PROBE)
            address = probe.getsockname()[0]
        if usable(address):
            return address
    except OSError:
        pass
    try:
        names = socket.gethostbyname_ex(socket.gethostname())[2]
    except OSError:
        return ""
    return next((a for a in names if usable(a)), "")


if __name__ == "__main__":
    print(lan_address())
