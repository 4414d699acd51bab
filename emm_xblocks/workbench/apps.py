"""The workbench's own app (its settings install it): what makes xblock-sdk's runtime write a
page as the LMS does (``wrapper.escape_init_args``)."""

from django.apps import AppConfig


class EmmWorkbenchConfig(AppConfig):
    name = "emm_xblocks.workbench"
    label = "emm_workbench"
    verbose_name = "EMM2.0 XBlocks workbench"

    def ready(self):
        from workbench.runtime import WorkbenchRuntime

        from .wrapper import escape_init_args

        escape_init_args(WorkbenchRuntime)
