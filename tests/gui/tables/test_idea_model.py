"""The table's ideas as an item model: a refresh changes only what changed, so the view
keeps the facilitator's current cell while the dots are typed."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QModelIndex
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from degenks_desktop.services.tables.ideas import IdeaAtTable
from degenks_desktop.ui.tables.idea_model import IdeaListModel


def idea(number: int, dots: int = 0) -> IdeaAtTable:
    return IdeaAtTable(
        id=number,
        uid=f"uid-{number}",
        text=f"Idee {number}",
        duo_id=None,
        duo_number=1,
        dots=dots,
        merged_from=(),
        deleted=False,
    )


def model_of(ideas: list[IdeaAtTable]) -> IdeaListModel:
    model = IdeaListModel(
        on_text_edited=lambda _i, _t: True,
        on_dots_edited=lambda _i, _d: True,
        on_person_dots_edited=lambda _i, _d: True,
    )
    model.show_ideas(ideas, selected=set(), tied=set())
    return model


def test_a_new_count_changes_its_row_only(qtbot: QtBot, qtmodeltester: ModelTester) -> None:
    ideas = [idea(n) for n in range(1, 6)]
    model = model_of(ideas)
    qtmodeltester.check(model)
    changed: list[tuple[int, int]] = []
    resets: list[bool] = []
    model.dataChanged.connect(lambda first, last: changed.append((first.row(), last.row())))
    model.modelReset.connect(lambda: resets.append(True))
    ideas[2] = replace(ideas[2], dots=4)
    model.show_ideas(list(ideas), selected=set(), tied=set())
    assert (changed, resets) == ([(2, 2)], [])
    assert model.index(2, IdeaListModel.DOTS).data() == 4
    model.show_ideas(list(ideas), selected={ideas[0].id}, tied=set())  # now in the ten
    assert changed[-1] == (0, 0)


def test_a_new_idea_is_inserted_at_the_end(qtbot: QtBot, qtmodeltester: ModelTester) -> None:
    ideas = [idea(n) for n in range(1, 4)]
    model = model_of(ideas)
    inserted: list[tuple[int, int]] = []
    resets: list[bool] = []
    model.rowsInserted.connect(lambda _parent, first, last: inserted.append((first, last)))
    model.modelReset.connect(lambda: resets.append(True))
    model.show_ideas([*ideas, idea(4)], selected=set(), tied=set())
    assert (inserted, resets) == ([(3, 3)], [])
    assert model.rowCount(QModelIndex()) == 4
    qtmodeltester.check(model)
    model.show_ideas([ideas[0], ideas[2]], selected=set(), tied=set())  # one deleted
    assert resets == [True] and model.rowCount() == 2


def test_a_new_language_retitles_and_rewords_without_a_reset(
    qtbot: QtBot, qtmodeltester: ModelTester
) -> None:
    model = model_of([idea(n) for n in range(1, 4)])
    qtmodeltester.check(model)
    headers: list[tuple[int, int]] = []
    changed: list[tuple[int, int, int, int]] = []
    resets: list[bool] = []
    model.headerDataChanged.connect(lambda _o, first, last: headers.append((first, last)))
    model.dataChanged.connect(
        lambda first, last: changed.append((first.row(), first.column(), last.row(), last.column()))
    )
    model.modelReset.connect(lambda: resets.append(True))
    model.retranslate()
    assert headers == [(0, IdeaListModel.PERSON)]
    assert changed == [(0, 0, 2, IdeaListModel.PERSON)]  # every cell, the tooltips too
    assert resets == []
