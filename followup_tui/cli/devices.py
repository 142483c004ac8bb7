"""``followup devices``: the devices that share the data folder, each with its own file."""

from __future__ import annotations

import json
from pathlib import Path

import click

from followup_tui.cli.common import guarded
from followup_tui.domain.insights.report import plural
from followup_tui.domain.text import one_line
from followup_tui.services.devices import device_files


@click.command(short_help="The devices sharing the data folder.")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list instead of lines.")
@click.pass_obj
@guarded
def devices(path: Path, as_json: bool) -> None:
    """List the devices whose files are in the data folder: when each last wrote and how many
    records it holds (this device is marked with *). Nothing is written.

    Example: followup devices --json
    """
    found = device_files(path)
    if as_json:
        rows = [
            {
                "device": f.device,
                "name": f.name,
                "file": f.path.name,
                "this_device": f.this_device,
                "old_single_file": f.kind != "device",
                "last_wrote": f.last_wrote.isoformat() if f.last_wrote else None,
                "records": f.records,
                "problem": f.problem,
            }
            for f in found
        ]
        click.echo(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    if not found:
        click.echo("No device has written to this data folder yet.")
        return
    for f in found:
        mark = "*" if f.this_device else " "
        who = "(old single file)" if f.kind != "device" else one_line(f.name or f.device, 40)
        when = f"{f.last_wrote:%Y-%m-%d %H:%M} UTC" if f.last_wrote else "never"
        detail = f"cannot be read: {one_line(f.problem, 120)}" if f.problem else plural(f.records, "record")
        click.echo(f"{mark} {f.device or '-':8}  {who:<24}  last wrote {when}  {detail}  {f.path.name}")
