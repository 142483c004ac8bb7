"""The sample interviews of the demo: invented companies, people and sentences.

Each story is one interview with what belongs to it; ``days`` places it relative to "now"
(positive: coming up). ``followup_tui.services.demo.build`` writes them. No Textual here.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from followup_tui.domain.models import Card, Clarification, Concern, Interview, Interviewer


@dataclass
class Story:
    """One sample interview and everything that belongs to it."""

    interview: Interview
    days: float
    questions: list[tuple[str, str, bool, str]] = field(default_factory=list)
    likely: list[tuple[str, str]] = field(default_factory=list)
    checklist_done: int = -1
    gut: int | None = None
    prompts: tuple[str, str, str] = ("", "", "")
    clarifications: list[Clarification] = field(default_factory=list)
    notes: str = ""
    worth_mentioning: str = ""
    concerns: list[Concern] = field(default_factory=list)
    cards: list[Card] = field(default_factory=list)


def upcoming_stories() -> list[Story]:
    """The two interviews still to come, with their prep done or half done."""
    larkspur = Story(
        Interview(
            company="Larkspur Analytics",
            role="Senior Data Engineer",
            format="video",
            location="https://meet.example.com/larkspur-panel",
            job_link="https://jobs.example.com/larkspur/senior-data-engineer",
            notes="Panel of two. They use a lot of streaming pipelines; read their engineering blog.",
            interviewers=[
                Interviewer("Priya Raman", "Head of Data Platform", "priya.raman@larkspur.example"),
                Interviewer("Tomas Ferreira", "Staff Engineer"),
            ],
        ),
        days=1,
        questions=[
            ("What would a great first three months look like in this role?", "role", True, "unknown"),
            ("Which part of the data platform causes the most pages at night?", "team", True, "unknown"),
            (
                "How are priorities set between new pipelines and paying down old ones?",
                "process",
                False,
                "unknown",
            ),
            ("How do engineers here learn from an outage?", "culture", False, "unknown"),
            (
                "What are the next steps after today, and when should I expect to hear?",
                "next steps",
                True,
                "unknown",
            ),
        ],
        likely=[
            (
                "Tell us about a pipeline you rebuilt.",
                "- Nightly billing export: 6 hours down to 40 minutes\n- Why: retries per partition\n"
                "- What I would do differently: alerts before the rewrite",
            ),
            (
                "Why are you leaving your current job?",
                "- Want to own a platform end to end\n- Keep it positive",
            ),
            ("How do you handle a disagreement on design?", "- Write it down, compare on cost of change"),
        ],
        checklist_done=2,
    )
    harbourline = Story(
        Interview(
            company="Harbourline Logistics",
            role="Platform Team Lead",
            format="onsite",
            location="14 Quay Street, third floor (ask for reception)",
            interviewers=[Interviewer("Greta Lindholm", "VP Engineering", "greta@harbourline.example")],
        ),
        days=7,
        questions=[
            (
                "How many people would report to me, and how long have they been together?",
                "manager",
                True,
                "unknown",
            ),
            ("What does the team own today that it would rather not?", "team", False, "unknown"),
            ("How is a team lead's success judged after a year?", "growth", True, "unknown"),
        ],
        likely=[("Describe a time you grew someone on your team.", "- The junior who ran the migration")],
        checklist_done=0,
    )
    return [larkspur, harbourline]


def _copperleaf() -> Story:
    dana = "Dana Okafor"
    return Story(
        Interview(
            company="Copperleaf Health",
            role="Backend Engineer",
            format="onsite",
            location="Copperleaf campus, building B",
            interviewers=[Interviewer(dana, "Engineering Manager", "dana.okafor@copperleaf.example")],
            outcome="pending",
            why_this_job="I want my work to make a clinic's day run more smoothly.",
        ),
        days=-2,
        questions=[
            ("How does the team test changes that touch patient records?", "process", True, "no"),
            ("What does on-call look like for this team?", "team", True, "yes"),
            ("Where is the product heading next year?", "product", False, "yes"),
            ("How soon will you decide?", "next steps", False, "no"),
        ],
        gut=2,
        prompts=(
            "How they test changes to patient records; when they expect to decide.",
            "That I led the audit-log redesign at my last job.",
            "The system design part ran long and we rushed the end.",
        ),
        clarifications=[
            Clarification(
                "How would you cache appointment lookups?",
                "I said I would cache everything for an hour.",
                "Cache per clinic with a short expiry, and clear it when a booking changes.",
            )
        ],
        notes="Dana was friendly; the second half felt hurried. They liked the question about on-call.",
        worth_mentioning="hearing how the team shares on-call so nobody carries it alone",
        concerns=[
            Concern(
                text="My caching answer ignored stale bookings.",
                kind="error",
                error_kind="answer",
                action="clarify-in-card",
                to_know="I would cache lookups per clinic and clear them when a booking changes.",
            ),
            Concern(
                text="Never mentioned that I led the audit-log redesign.",
                kind="error",
                error_kind="not-learned",
                action="clarify-in-card",
                to_know="I led the audit-log redesign at my last job, close to your records work.",
            ),
            Concern(
                text="Forgot to ask how they test changes to patient records.",
                kind="error",
                error_kind="forgot-to-ask",
                action="ask-next-round",
            ),
            Concern(
                text="Dana looked bored during my project story.",
                kind="worry",
                traps=["mind-reading", "magnifying"],
                balanced_thought="She took notes the whole time and asked two follow-up questions.",
            ),
            Concern(
                text="They will pick someone with health-care experience.",
                kind="worry",
                traps=["fortune-telling"],
                balanced_thought="The posting did not ask for it, and they invited me anyway.",
                prediction=True,
                prediction_text="They will choose someone who has worked in health care.",
                confidence=70,
            ),
            Concern(text="Was the handshake too short?"),
        ],
    )


def past_stories() -> list[Story]:
    """The five interviews already held, newest first, each with a different outcome."""
    bramble = Story(
        Interview(
            company="Bramblewood Games",
            role="Tools Programmer",
            format="video",
            location="https://call.example.com/bramblewood",
            interviewers=[Interviewer("Mika Saarinen", "Lead Tools Engineer", "mika@bramblewood.example")],
            outcome="advanced",
            why_this_job="because I want to make tools that designers enjoy using",
        ),
        days=-9,
        questions=[
            ("Which tool do the designers complain about most?", "product", True, "yes"),
            ("How do tools requests get prioritised against the game itself?", "process", True, "no"),
            ("What would you want me to learn in the first month?", "growth", False, "yes"),
        ],
        gut=2,
        prompts=("How tools requests are prioritised.", "", "Long silences after my answers."),
        notes="Camera froze twice. Mika laughed at the level-editor story.",
        worth_mentioning="Swapping stories about level editors was the best part of my week.",
        concerns=[
            Concern(
                text="They will reject me because of the frozen camera.",
                kind="worry",
                traps=["catastrophizing", "fortune-telling"],
                balanced_thought="Connection trouble happens to everyone; they waited and carried on.",
                prediction=True,
                prediction_text="They will turn me down because the call kept freezing.",
                confidence=90,
                prediction_result="did-not",
                resolved=True,
            ),
            Concern(
                text="The silences meant they disliked my answers.",
                kind="worry",
                traps=["mind-reading", "emotional-reasoning"],
                balanced_thought="Mika was typing notes during the pauses.",
            ),
            Concern(
                text="Did not ask how tools requests are prioritised.",
                kind="error",
                error_kind="forgot-to-ask",
                action="ask-next-round",
                resolved=True,
            ),
        ],
        cards=[
            Card(
                interviewer="Mika Saarinen",
                text="Dear Mika,\n\nThank you for the talk about the level editor. I would love to "
                "make your designers' days easier.\n\nKind regards",
            )
        ],
    )
    quill = Story(
        Interview(
            company="Quillfeather Press",
            role="Software Engineer, Publishing Tools",
            format="phone",
            interviewers=[Interviewer("Ruth Abernathy", "Recruiter")],
            outcome="rejected",
            why_this_job="to help a small press put more books in front of readers",
        ),
        days=-16,
        questions=[
            ("What is the salary range for this role?", "role", True, "yes"),
            ("Is the team remote or in the office?", "team", False, "yes"),
        ],
        gut=4,
        prompts=("", "", "The recruiter asked twice about my notice period."),
        concerns=[
            Concern(
                text="I am not senior enough for them.",
                kind="worry",
                traps=["labeling"],
                balanced_thought="They invited me after reading my CV; the level was clear to them.",
                prediction=True,
                prediction_text="They will say the role needs someone more senior.",
                confidence=50,
                prediction_result="came-true",
                resolved=True,
            ),
            Concern(
                text="Gave a notice period of three months without checking my contract.",
                kind="error",
                error_kind="answer",
                action="send-email",
                resolved=True,
            ),
        ],
    )
    saltmarsh = Story(
        Interview(
            company="Saltmarsh Energy",
            role="Data Engineer",
            format="onsite",
            location="Saltmarsh head office, Harbour Road",
            interviewers=[
                Interviewer("Olu Adeyemi", "Data Lead", "olu.adeyemi@saltmarsh.example"),
                Interviewer("Hanna Berg", "Product Manager"),
            ],
            outcome="offer",
        ),
        days=-30,
        questions=[
            ("How is data quality measured today?", "team", True, "yes"),
            ("Who uses the dashboards, and how often?", "product", False, "no"),
            ("What is the biggest risk to the team this year?", "team", True, "yes"),
        ],
        gut=1,
        prompts=("Who reads the dashboards.", "My metering project.", "I blanked on a SQL window function."),
        notes="Felt awful on the way home. Olu said the whiteboard part is meant to be hard.",
        worth_mentioning="how your analysts turn meter readings into advice for customers",
        concerns=[
            Concern(
                text="Blanking on the SQL question ruined everything.",
                kind="worry",
                traps=["all-or-nothing", "catastrophizing"],
                balanced_thought="One question out of about twenty; I talked through it and got there.",
                prediction=True,
                prediction_text="The SQL question will cost me the offer.",
                confidence=90,
                prediction_result="did-not",
                resolved=True,
            ),
            Concern(
                text="They never heard about my smart-meter project.",
                kind="error",
                error_kind="not-learned",
                action="clarify-in-card",
                to_know="At my last job I built the ingestion for two million smart meters.",
                resolved=True,
            ),
        ],
        cards=[
            Card(
                interviewer="Olu Adeyemi",
                text="Dear Olu,\n\nThank you for a demanding and fair afternoon. One thing I did not "
                "mention: I built the smart-meter ingestion at my last job.\n\nBest wishes",
            )
        ],
    )
    orchard = Story(
        Interview(
            company="Orchard & Pike",
            role="Backend Developer",
            format="video",
            interviewers=[Interviewer("Sam Whitlock", "CTO")],
            outcome="no-response",
        ),
        days=-45,
        questions=[("How big is the engineering team?", "team", False, "yes")],
        gut=3,
        concerns=[
            Concern(
                text="I talked too much about my side project.",
                kind="worry",
                traps=["should"],
                balanced_thought="Sam asked about it twice; it was a fair answer.",
            ),
            Concern(text="Never asked when they would decide.", kind="error", error_kind="forgot-to-ask"),
            Concern(
                text="Said I had not used their queue library; I have, on a side project.",
                kind="error",
                error_kind="answer",
                action="clarify-in-card",
            ),
        ],
    )
    return [_copperleaf(), bramble, quill, saltmarsh, orchard]
