"""The footer follows the keys a screen offers, and skips rebuilds that would change nothing."""

from __future__ import annotations

from typing import Any

import pytest
from textual.widgets._footer import FooterKey

from followup_tui.domain.models import Interview
from followup_tui.store.repository import Repository
from followup_tui.ui.app import FollowupApp
from followup_tui.ui.screens.card.card import CardScreen
from followup_tui.ui.screens.home.home import HomeScreen
from followup_tui.ui.widgets.key_footer import KeyFooter
from tests.conftest import FIXED_NOW
from tests.helpers.card_fixtures import fill_card_data
from tests.helpers.wait import settle, until


def footer_keys(app: FollowupApp) -> dict[str, FooterKey]:
    """The keys the footer shows now, by key."""
    return {key.key: key for key in app.screen.query_one(KeyFooter).query(FooterKey)}


async def test_the_footer_shows_keys_that_appear_and_keeps_its_widgets_when_nothing_changed(
    repo: Repository,
) -> None:
    app = FollowupApp(repo, clock=lambda: FIXED_NOW, watch=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert "p" not in footer_keys(app)  # no interview yet: prep is hidden
        repo.add(Interview(company="Acme"))
        app.screen.refresh_data()
        for _ in range(50):
            await pilot.pause(0.02)
            if "p" in footer_keys(app):
                break
        shown = footer_keys(app)
        assert "p" in shown and not shown["p"].disabled
        app.screen.refresh_bindings()  # the same keys again
        await pilot.pause(0.1)
        assert all(footer_keys(app)[key] is widget for key, widget in shown.items())


def visible_line(app: FollowupApp) -> tuple[list[str], int]:
    """The footer's shown keys as "key description", and the columns they take."""
    shown = [key for key in app.screen.query_one(KeyFooter).query(FooterKey) if key.display]
    labels = [f"{key.key_display} {key.description}".strip() for key in shown]
    return labels, sum(key.outer_size.width for key in shown)


async def test_at_60_columns_the_footer_fits_and_ends_with_the_help_key(repo: Repository) -> None:
    from tests.helpers.wait import until

    repo.add(Interview(company="Acme", when="2026-11-20 10:00"))
    app = FollowupApp(repo, clock=lambda: FIXED_NOW, watch=False)
    async with app.run_test(size=(60, 20)) as pilot:
        for keys in ((), ("enter",), ("b",), ("escape", "p")):  # home, hub, board, prep
            await pilot.press(*keys)
            # the keys fit, or those that do not give way to the help key
            assert await until(pilot, lambda: visible_line(app)[0][-1:] in (["? keys"], ["? Help"]))
            labels, width = visible_line(app)
            assert width <= 60, labels
            assert not any("palette" in label for label in labels), labels
            assert "esc Back" in labels or not keys, labels
            every = app.screen.query_one(KeyFooter).query(FooterKey)
            assert labels[-1] == "? keys" or all(key.display for key in every), labels
            if keys == ("enter",):  # the hub has more keys than fit: the help key stays
                assert labels[-1] == "? keys", labels


async def test_a_wide_footer_shows_every_key_and_the_palette(repo: Repository) -> None:
    from tests.helpers.wait import until

    app = FollowupApp(repo, clock=lambda: FIXED_NOW, watch=False)
    async with app.run_test(size=(120, 30)) as pilot:
        assert await until(pilot, lambda: any("palette" in label for label in visible_line(app)[0]))
        labels, _ = visible_line(app)
        assert "? Help" in labels and "? keys" not in labels


async def test_footer_keys_are_styled_once_as_they_mount_and_compact_only_when_narrow(
    repo: Repository, monkeypatch: pytest.MonkeyPatch
) -> None:
    from textual.css.stylesheet import Stylesheet

    from tests.helpers.wait import until

    styled: dict[int, int] = {}
    apply = Stylesheet.apply

    def counting_apply(sheet: Stylesheet, node: Any, *args: Any, **kwargs: Any) -> None:
        if isinstance(node, FooterKey):
            styled[id(node)] = styled.get(id(node), 0) + 1
        apply(sheet, node, *args, **kwargs)

    monkeypatch.setattr(Stylesheet, "apply", counting_apply)
    app = FollowupApp(repo, clock=lambda: FIXED_NOW, watch=False)
    async with app.run_test(size=(100, 30)) as pilot:
        assert await until(pilot, lambda: any("palette" in label for label in visible_line(app)[0]))
        await pilot.pause()
        keys = list(app.screen.query_one(KeyFooter).query(FooterKey))
        assert keys and all(styled.get(id(key)) == 1 for key in keys), [styled.get(id(k)) for k in keys]
        palette = [key for key in keys if key.has_class("-command-palette")]
        assert palette and all(key.compact and key.has_class("-compact") for key in palette)
        others = [key for key in keys if key not in palette]
        assert not any(key.compact or key.has_class("-compact") for key in others)
        await pilot.resize_terminal(60, 20)
        assert await until(pilot, lambda: all(key.has_class("-compact") for key in footer_keys(app).values()))


async def test_resizing_the_terminal_shows_or_hides_the_palette_for_the_new_width(repo: Repository) -> None:
    """The palette's key follows the width the terminal has now, not the one it had before."""
    from tests.helpers.wait import until

    def palette_shown() -> bool:
        return any("palette" in label for label in visible_line(app)[0])

    app = FollowupApp(repo, clock=lambda: FIXED_NOW, watch=False)
    async with app.run_test(size=(100, 30)) as pilot:
        assert await until(pilot, palette_shown)
        await pilot.resize_terminal(60, 20)
        assert await until(pilot, lambda: not palette_shown())
        assert visible_line(app)[1] <= 60
        await pilot.resize_terminal(100, 30)
        assert await until(pilot, palette_shown)


async def test_keys_that_only_light_or_dim_change_in_place(repo: Repository) -> None:
    """A filter that hides every interview dims the keys about the selection, as Textual builds
    a key that is not enabled; clearing it (x) lights the same key widgets again."""
    from tests.helpers.wait import until

    repo.add(Interview(company="Acme", when="2026-11-20 10:00"))
    app = FollowupApp(repo, clock=lambda: FIXED_NOW, watch=False)
    async with app.run_test(size=(100, 30)) as pilot:
        assert await until(pilot, lambda: "p" in footer_keys(app))
        await pilot.press("slash", *"zzz", "enter")
        assert await until(
            pilot, lambda: "p" in footer_keys(app) and footer_keys(app)["p"].has_class("-disabled")
        )
        dimmed = footer_keys(app)
        assert [key for key, widget in dimmed.items() if widget.has_class("-disabled")] == [
            "p",
            "d",
            "b",
            "c",
            "o",
        ]
        assert dimmed["p"]._disabled and not dimmed["n"]._disabled
        await pilot.press("x")
        assert await until(pilot, lambda: not footer_keys(app)["p"].has_class("-disabled"))
        assert footer_keys(app) == dimmed  # the same widgets, lit
        assert not dimmed["p"]._disabled
        app.screen.set_class(False, "-unused")  # nothing else changed
        await pilot.press("slash", *"zzz", "enter")
        assert await until(
            pilot, lambda: "p" in footer_keys(app) and footer_keys(app)["p"].has_class("-disabled")
        )


async def test_opening_the_card_builds_each_of_its_keys_once_and_none_at_home(
    repo: Repository, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The card's footer builds its keys once as it opens (after the screen is first shown:
    keys built as the footer first composes are styled twice, which was measured slower); the
    home footer underneath, asked again as the card covers it, keeps its keys."""
    fill_card_data(repo)
    app = FollowupApp(repo, clock=lambda: FIXED_NOW, watch=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        home_keys = list(app.screen.query(FooterKey))
        built: list[FooterKey] = []
        make = FooterKey.__init__

        def counting(key: FooterKey, *args: Any, **kwargs: Any) -> None:
            built.append(key)
            make(key, *args, **kwargs)

        monkeypatch.setattr(FooterKey, "__init__", counting)
        await pilot.press("c")
        assert await until(pilot, lambda: isinstance(app.screen, CardScreen) and app.screen.is_mounted)
        await settle(app, pilot)
        shown = list(app.screen.query_one(KeyFooter).query(FooterKey))
        assert len(shown) > 10
        assert built == shown
        app.pop_screen()
        await settle(app, pilot)
        assert list(app.screen.query(FooterKey)) == home_keys
