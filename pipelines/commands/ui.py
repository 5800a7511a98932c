"""`oap ui`: the Dagster UI on the same settings and instance as `oap run`."""

from __future__ import annotations

import argparse
import os
import signal
import sys
from pathlib import Path

from pipelines.commands.run import add_settings_options, settings_from, sources_exist
from pipelines.instance import prepare_instance
from pipelines.settings import PROJECT_ROOT


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    ui = subparsers.add_parser(
        "ui", help="open the Dagster UI on the runs `oap run` makes",
        description="Start `dg dev` on the project's definitions and Dagster instance: "
                    "the runs of `oap run` are listed there, and a run started from the UI "
                    "reads and writes the same folders (options as for `oap run`).")
    add_settings_options(ui)
    ui.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    ui.add_argument("--port", type=int, default=3000, help="port (default 3000)")
    ui.set_defaults(handler=handle)


def command(args: argparse.Namespace) -> list[str]:
    """The `dg dev` command line: the project's workspace, this environment's Dagster CLI
    (`dg`, which supersedes `dagster dev`)."""
    dg = Path(sys.executable).with_name("dg")
    return [str(dg), "dev", "-w", str(PROJECT_ROOT / "workspace.yaml"),
            "-h", args.host, "-p", str(args.port)]


def handle(args: argparse.Namespace) -> int:
    settings = settings_from(args)
    if not sources_exist(settings):
        return 2
    settings.export()  # dg dev and the code servers it starts read the settings from here
    prepare_instance()
    argv = command(args)
    print(f"Dagster UI on http://{args.host}:{args.port} (stop with Ctrl-C)", flush=True)
    # An interrupt stops dg dev and its servers even where this was started with
    # interrupts ignored (in the background of a script): dg dev only installs its
    # Ctrl-C handling when the signal is not ignored.
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    os.execv(argv[0], argv)
    return 0  # not reached: the process is now dg dev
