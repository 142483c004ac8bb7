"""The card's topic guard against corpora of sentences written for it, in every card language.

Each file in ``guard_corpus/`` holds readable lines ``topic | sentence`` ("-" for a sentence
that must pass). The guard must find exactly that topic: the sentence is left out of the card
when it names one, and kept when it only uses one of its words in another sense.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from followup_tui.domain.card.guard import TOPICS, sensitive_topic, topic_hint

CORPUS = Path(__file__).parent / "guard_corpus"
LANGUAGES = ("en", "de", "es", "fr")
TOPICS_OF_ISSUE_26 = ("health", "personal life", "complaints about past work")


def read_corpus(path: Path) -> list[tuple[str, str]]:
    """Return a corpus file's (sentence, expected topic) pairs; "" expects no topic."""
    pairs = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        topic, _, sentence = line.partition(" | ")
        pairs.append((sentence.strip(), "" if topic.strip() == "-" else topic.strip()))
    return pairs


CASES = [
    pytest.param(path.name[:2], sentence, topic, id=f"{path.stem}:{sentence[:50]}")
    for path in sorted(CORPUS.glob("*.txt"))
    for sentence, topic in read_corpus(path)
]


@pytest.mark.parametrize(("lang", "sentence", "topic"), CASES)
def test_the_guard_reads_the_sentence_not_the_word(lang: str, sentence: str, topic: str) -> None:
    assert sensitive_topic(sentence, lang) == topic


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_language_has_sixty_sentences_each_way(lang: str) -> None:
    pairs = [pair for path in CORPUS.glob(f"{lang}_*.txt") for pair in read_corpus(path)]
    assert sum(1 for _, topic in pairs if topic) >= 60
    assert sum(1 for _, topic in pairs if not topic) >= 60
    assert {topic for _, topic in pairs if topic} <= set(TOPICS)


@pytest.mark.parametrize("topic", TOPICS_OF_ISSUE_26)
def test_each_private_topic_has_forty_sentences_each_way_in_english(topic: str) -> None:
    files = {"health": "health", "personal life": "personal", "complaints about past work": "complaints"}
    name = files[topic]
    pairs = read_corpus(CORPUS / f"en_{name}.txt")
    assert sum(1 for _, found in pairs if found == topic) >= 40
    assert sum(1 for _, found in pairs if not found) >= 40


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_topic_has_a_kind_hint_in_the_cards_language(lang: str) -> None:
    hints = [topic_hint(topic, lang) for topic in TOPICS]
    assert all(hint.strip().endswith(".") for hint in hints)
    if lang != "en":
        assert not set(hints) & {topic_hint(topic, "en") for topic in TOPICS}
