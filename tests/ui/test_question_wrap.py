"""A long question wraps under its own text, not under its mark."""

from __future__ import annotations

from followup_tui.domain.models import Interview, Question
from followup_tui.store.repository import Repository
from tests.helpers.app import make_app
from tests.helpers.wait import settle, until


async def test_a_long_question_wraps_under_its_text_not_its_mark(repo: Repository) -> None:
    interview = repo.add(Interview(company="Acme", when="2026-11-20 10:00"))
    long = (
        "How does the team decide which customer problems to work on next quarter, and who has the last word?"
    )
    repo.add(Question(interview_id=interview.id, text=long, must_ask=True))
    app = make_app(repo)
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.press("d")
        assert await until(pilot, lambda: bool(app.screen.query("#questions")))
        await settle(app, pilot)
        questions = app.screen.query_one("#questions")
        prompt = str(questions.get_option_at_index(0).prompt)  # type: ignore[attr-defined]
        first, *rest = prompt.splitlines()
        assert rest, prompt  # it wrapped
        assert first.startswith("? ★ How does")
        assert all(line.startswith("    ") and line.strip() for line in rest), prompt
        assert " ".join(line.strip() for line in [first[4:], *rest]) == long
