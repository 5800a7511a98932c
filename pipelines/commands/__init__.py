"""Subcommands of `oap`, one module each: `add_parser(subparsers)` and `handle(args) -> int`."""
