"""The theme team's synthesis on the command line: `degenks synthesise` groups each
theme's ideas into clusters, or shows the clusters the team has kept."""

from __future__ import annotations

import argparse
from typing import Any

from degenks_desktop.cli.common import (
    EXIT_NOTHING_TO_DO,
    EXIT_OK,
    add_organiser_argument,
    open_from_args,
    print_json,
    require_organiser,
)
from degenks_desktop.i18n import _, ngettext

SHOWN_PER_THEME = 10  # clusters printed per theme without --json; --json has them all


def run_synthesise(args: argparse.Namespace) -> int:
    """`degenks synthesise`: group the themes never grouped (or, with --threshold, group
    the chosen themes anew) and print every chosen theme's clusters."""
    from degenks_desktop.services.follow_up.synthesis import (  # noqa: PLC0415
        event_synthesis,
        group_themes,
        require_threshold,
        theme_by_code,
    )
    from degenks_desktop.services.house.events import require_event  # noqa: PLC0415

    if args.threshold is not None:
        require_threshold(args.threshold)
    database = open_from_args(args)
    try:
        with database.reading() as session:
            event_id = require_event(session).id
        chosen = (
            {theme_by_code(database, event_id, args.theme).id} if args.theme is not None else None
        )
        themes = [
            t for t in event_synthesis(database, event_id) if chosen is None or t.theme_id in chosen
        ]
        # Grouping anew replaces the team's work, so it happens only when asked for with
        # a threshold, or for a theme nobody grouped yet.
        to_group = [
            t.theme_id
            for t in themes
            if t.ideas and (args.threshold is not None or t.threshold is None)
        ]
        if to_group:
            organiser = require_organiser(database, args)
            options: dict[str, Any] = {}
            if args.threshold is not None:
                options["threshold"] = args.threshold
            grouped = {
                view.theme_id: view
                for view in group_themes(database, to_group, actor=organiser.actor, **options)
            }
            themes = [grouped.get(theme.theme_id, theme) for theme in themes]
    finally:
        database.close()
    if args.json:
        print_json(
            {
                "themes": [
                    {
                        "code": theme.code,
                        "name": theme.name,
                        "threshold": theme.threshold,
                        "tables": theme.tables,
                        "clusters": [
                            {
                                "id": cluster.id,
                                "title": cluster.title,
                                "ideas": [idea.id for idea in cluster.ideas],
                                "tables": cluster.tables,
                                "dots": cluster.dots,
                                "selected": cluster.selected,
                                "kind": cluster.kind.value if cluster.kind else None,
                                "summary": cluster.summary,
                            }
                            for cluster in theme.clusters
                        ],
                        "ungrouped": [idea.id for idea in theme.ungrouped],
                    }
                    for theme in themes
                ]
            }
        )
    else:
        for theme in themes:
            print(
                ngettext(
                    "{theme}: {ideas} ideas in {count} cluster",
                    "{theme}: {ideas} ideas in {count} clusters",
                    len(theme.clusters),
                ).format(theme=theme.name, ideas=theme.ideas, count=len(theme.clusters))
            )
            for cluster in theme.clusters[:SHOWN_PER_THEME]:
                print(
                    "  · "
                    + _("{title} — at {tables} of {of} tables, {dots} dots").format(
                        title=cluster.title,
                        tables=cluster.tables,
                        of=theme.tables,
                        dots=cluster.dots,
                    )
                )
            if theme.ungrouped:
                print(
                    "  "
                    + ngettext(
                        "{count} idea not yet grouped",
                        "{count} ideas not yet grouped",
                        len(theme.ungrouped),
                    ).format(count=len(theme.ungrouped))
                )
    return EXIT_OK if any(theme.ideas for theme in themes) else EXIT_NOTHING_TO_DO


def add_synthesis_commands(commands: Any, common: argparse.ArgumentParser) -> None:
    """Register `synthesise`."""
    synthesise = commands.add_parser(
        "synthesise",
        parents=[common],
        help=_("group each theme's ideas into clusters that say the same, or show them"),
    )
    synthesise.add_argument("--theme", metavar="CODE", help=_("only this theme"))
    synthesise.add_argument(
        "--threshold",
        type=float,
        metavar="T",
        help=_(
            "group anew at this threshold (0.1 to 1; lower: more, tighter clusters), "
            "replacing the team's clusters"
        ),
    )
    synthesise.add_argument("--json", action="store_true", help=_("print the result as JSON"))
    add_organiser_argument(synthesise)
    synthesise.set_defaults(run=run_synthesise)
