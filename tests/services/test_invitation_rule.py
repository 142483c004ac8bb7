"""One rule for what an invitation changes (``services.invites.invitation_changes``)."""

from __future__ import annotations

from followup_tui.domain.invitation import Invitation
from followup_tui.domain.models import Interviewer
from followup_tui.services.invites import invitation_changes

PRIYA = Interviewer("Priya Natarajan", "", "priya@harborlight.example")
MARCUS = Interviewer("Marcus Oyelaran", "", "marcus@harborlight.example")


def invitation(**changes: object) -> Invitation:
    """An invitation for Harborlight on 3 December, from Priya and Marcus."""
    fields: dict[str, object] = {
        "uid": "uid-1",
        "sequence": 2,
        "when": "2026-12-03 10:00",
        "tz": "America/New_York",
        "ends": "2026-12-03 10:45",
        "summary": "Harborlight: Platform Engineer",
        "company": "Harborlight",
        "role": "Platform Engineer",
        "interviewers": [PRIYA, MARCUS],
        "location": "https://meet.example/abc",
        "format": "video",
        "notes": "Bring the diagram.",
    }
    fields.update(changes)
    return Invitation(**fields)  # type: ignore[arg-type]


def test_the_first_reading_takes_the_company_and_role_it_suggests() -> None:
    changes = invitation_changes({"company": "typed", "role": "typed"}, invitation(), (), first_reading=True)
    assert (changes["company"], changes["role"]) == ("Harborlight", "Platform Engineer")
    assert (changes["when"], changes["tz"], changes["ends"]) == (
        "2026-12-03 10:00",
        "America/New_York",
        "2026-12-03 10:45",
    )
    assert (changes["invite_uid"], changes["invite_sequence"]) == ("uid-1", 2)
    assert (changes["location"], changes["format"], changes["notes"]) == (
        "https://meet.example/abc",
        "video",
        "Bring the diagram.",
    )


def test_a_later_reading_keeps_the_users_company_role_and_notes() -> None:
    current = {"company": "Harbor Light", "role": "Platform", "notes": "mine"}
    changes = invitation_changes(current, invitation(), (), first_reading=False)
    assert "company" not in changes and "role" not in changes and "notes" not in changes


def test_an_interview_without_a_company_takes_the_suggestion_even_later() -> None:
    changes = invitation_changes(
        {"company": " ", "role": "Lead"}, invitation(role=""), (), first_reading=False
    )
    assert (changes["company"], changes["role"]) == ("Harborlight", "Lead")


def test_an_invitation_without_a_place_keeps_the_place_and_format() -> None:
    changes = invitation_changes(
        {"company": "x"}, invitation(location="", format="onsite"), (), first_reading=False
    )
    assert "location" not in changes and "format" not in changes


def test_interviewers_are_matched_by_email_or_name_and_the_users_own_address_goes() -> None:
    me = Interviewer("Robin", "", "Robin@Example.net")
    priya_by_name = Interviewer("priya natarajan", "Head of Platform", "")
    current = {"company": "x", "interviewers": [priya_by_name, me]}
    changes = invitation_changes(current, invitation(), ("robin@example.net",), first_reading=False)
    assert changes["interviewers"] == [priya_by_name, MARCUS]
