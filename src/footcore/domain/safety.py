"""Pain zones and red flags: when to carry on, when to back off, when to stop.

footcore coaches; it does not diagnose. A red flag does not say what is wrong, only
that self-guided training should stop until a clinician has looked.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from footcore.domain.logbook import PAIN_MAX, PAIN_MIN, RedFlagAnswers

FINE_MAX = 2
"""Pain up to 2/10 is 'fine': footcore's own band, not in the paper (`footcore-design`)."""
ACCEPTABLE_MAX = 5
"""Pain up to 5/10 during or after exercise is acceptable if it has settled by the next
morning (`silbernagel-2007`)."""
RED_FLAG_SCREEN_FROM = 7
"""At 7/10 or more, ask the red-flag questions before anything else (`footcore-design`)."""


class PainZone(StrEnum):
    FINE = "fine"
    """0-2/10 and not worse the next morning: carry on."""
    PENDING = "pending"
    """3-5/10 with no morning check yet: acceptable only if it settles by then."""
    ACCEPTABLE = "acceptable"
    """3-5/10 and settled by the next morning: keep the load, do not add to it."""
    TOO_MUCH = "too-much"
    """Above 5/10, or not settled the next morning: back off."""

    @property
    def citation(self) -> str:
        # The 0-2 band is our own reading; the 5/10 ceiling and the next-morning
        # rule are Silbernagel's.
        return "footcore-design" if self is PainZone.FINE else "silbernagel-2007"

    @property
    def advice(self) -> str:
        return _ZONE_ADVICE[self]


_ZONE_ADVICE = {
    PainZone.FINE: "Pain this low is fine: carry on as planned.",
    PainZone.PENDING: (
        "Pain up to 5/10 is acceptable if it has settled by tomorrow morning: "
        "answer the morning check."
    ),
    PainZone.ACCEPTABLE: (
        "Pain up to 5/10 that settled overnight is acceptable: keep the same load for now."
    ),
    PainZone.TOO_MUCH: (
        "Pain above 5/10, or pain still there the next morning, is too much: "
        "the exercise goes back a step."
    ),
}


def classify_pain(pain_0_10: int, settled_next_morning: bool | None) -> PainZone:
    """Which pain zone a session falls in.

    `pain_0_10` is the worst pain during or right after the exercise on the 0-10
    numeric scale; `settled_next_morning` is the morning check's answer, or None when
    it has not been answered yet. Pain may reach 5/10 if it has subsided by the next
    morning (`silbernagel-2007`); any pain still there the next morning is too much,
    whatever it was during the session. The 0-2 "fine" band is our design choice
    (`footcore-design`). Raises ValueError outside 0-10.
    """
    if not PAIN_MIN <= pain_0_10 <= PAIN_MAX:
        raise ValueError(f"pain must be {PAIN_MIN} to {PAIN_MAX}, not {pain_0_10}")
    if pain_0_10 > ACCEPTABLE_MAX or settled_next_morning is False:
        return PainZone.TOO_MUCH
    if pain_0_10 <= FINE_MAX:
        return PainZone.FINE
    if settled_next_morning is None:
        return PainZone.PENDING
    return PainZone.ACCEPTABLE


def needs_red_flag_screen(pain_0_10: int) -> bool:
    """True from 7/10: pain that high should be screened for red flags (`footcore-design`)."""
    if not PAIN_MIN <= pain_0_10 <= PAIN_MAX:
        raise ValueError(f"pain must be {PAIN_MIN} to {PAIN_MAX}, not {pain_0_10}")
    return pain_0_10 >= RED_FLAG_SCREEN_FROM


class RedFlag(StrEnum):
    CANNOT_TAKE_FOUR_STEPS = "cannot-take-four-steps"
    ANKLE_BONE_TENDERNESS = "ankle-bone-tenderness"
    MIDFOOT_BONE_TENDERNESS = "midfoot-bone-tenderness"
    FOCAL_BONE_PAIN = "focal-bone-pain"
    ACHILLES_POP = "achilles-pop"
    CALF_SWELLING = "calf-swelling"
    FEVER_OR_HOT_JOINT = "fever-or-hot-joint"
    NUMBNESS = "numbness"
    NIGHT_OR_REST_PAIN = "night-or-rest-pain"
    DIABETIC_FOOT = "diabetic-foot"
    RECENT_TRAINING_INCREASE = "recent-training-increase"
    PREVIOUS_BONE_STRESS_INJURY = "previous-bone-stress-injury"
    LOW_ENERGY_OR_CYCLE_CHANGES = "low-energy-or-cycle-changes"

    @property
    def field(self) -> str:
        """The matching field of `RedFlagAnswers`."""
        return self.name.lower()

    @property
    def question(self) -> RedFlagQuestion:
        return _BY_FLAG[self]


class QuestionKind(StrEnum):
    RED_FLAG = "red-flag"
    """Yes stops self-guided training on its own."""
    BONE_STRESS_RISK = "bone-stress-risk"
    """Yes raises the chance of a bone stress injury; it stops training only together
    with pain (`stop.screen_findings`)."""


@dataclass(frozen=True, slots=True)
class RedFlagQuestion:
    flag: RedFlag
    question: str
    """Asked as a yes/no question in plain words; yes means stop."""
    summary: str
    """The finding in a few words, for 'you reported ...'."""
    citation: str
    evidence: str
    """As evidence.md labels the basis: `verified`, `secondary` (checked only against a
    secondary source) or `unverified` (a general clinical red flag with no
    foot-specific guideline found)."""
    kind: QuestionKind = QuestionKind.RED_FLAG

    @property
    def field(self) -> str:
        """The matching field of `RedFlagAnswers` (and key of a screen's answers)."""
        return self.flag.field


RED_FLAG_QUESTIONS: tuple[RedFlagQuestion, ...] = (
    RedFlagQuestion(
        RedFlag.CANNOT_TAKE_FOUR_STEPS,
        "After a twist or a fall, were you unable to take four steps on that foot, "
        "either straight away or since?",
        "you could not take four steps after a twist or fall",
        "ottawa-rules",
        "verified",
    ),
    RedFlagQuestion(
        RedFlag.ANKLE_BONE_TENDERNESS,
        "After a twist or a fall, does pressing on the back edge or the tip of either "
        "ankle bone (the bony bumps on the inside and outside of the ankle) hurt?",
        "an ankle bone is tender to press after a twist or fall",
        "ottawa-rules",
        "verified",
    ),
    RedFlagQuestion(
        RedFlag.MIDFOOT_BONE_TENDERNESS,
        "After a twist or a fall, does pressing hurt on the bony bump halfway along "
        "the outer edge of the foot, or on the bony bump on the inner side of the midfoot?",
        "a midfoot bone is tender to press after a twist or fall",
        "ottawa-rules",
        "verified",
    ),
    RedFlagQuestion(
        RedFlag.FOCAL_BONE_PAIN,
        "Is there one sore spot on a bone (shin, top of the foot, heel) that hurts to "
        "press and gets worse with running or hopping instead of easing as you warm up?",
        "pain in one spot on a bone that worsens with running or hopping",
        "warden-2014",
        "secondary",
    ),
    RedFlagQuestion(
        RedFlag.ACHILLES_POP,
        "Did you feel or hear a pop at the back of the ankle, and is pushing off on "
        "that foot weak since?",
        "a pop at the back of the ankle with weak push-off",
        "footcore-design",
        "unverified",
    ),
    RedFlagQuestion(
        RedFlag.CALF_SWELLING,
        "Is one calf swollen, warm or tender to touch?",
        "a swollen or warm calf",
        "footcore-design",
        "unverified",
    ),
    RedFlagQuestion(
        RedFlag.FEVER_OR_HOT_JOINT,
        "Do you have a fever, or a joint that is hot, red and swollen?",
        "a fever or a hot, red joint",
        "footcore-design",
        "unverified",
    ),
    RedFlagQuestion(
        RedFlag.NUMBNESS,
        "Do you have numbness, or pins and needles, in the foot or leg?",
        "numbness or pins and needles",
        "footcore-design",
        "unverified",
    ),
    RedFlagQuestion(
        RedFlag.NIGHT_OR_REST_PAIN,
        "Does the pain wake you at night, or ache when you are resting?",
        "pain at night or at rest",
        "footcore-design",
        "unverified",
    ),
    RedFlagQuestion(
        RedFlag.DIABETIC_FOOT,
        "Do you have diabetes together with a foot wound, or parts of the foot where "
        "you have lost feeling?",
        "diabetes with a foot wound or lost feeling",
        "footcore-design",
        "unverified",
    ),
    RedFlagQuestion(
        RedFlag.RECENT_TRAINING_INCREASE,
        "In the last two months or so, did you run clearly more, faster or more often "
        "than before, or change to much lighter shoes?",
        "a recent jump in training",
        "warden-2014",
        "secondary",
        QuestionKind.BONE_STRESS_RISK,
    ),
    RedFlagQuestion(
        RedFlag.PREVIOUS_BONE_STRESS_INJURY,
        "Have you ever had a stress fracture or another bone stress injury?",
        "an earlier bone stress injury",
        "warden-2014",
        "secondary",
        QuestionKind.BONE_STRESS_RISK,
    ),
    RedFlagQuestion(
        RedFlag.LOW_ENERGY_OR_CYCLE_CHANGES,
        "Are you eating too little for how much you train, or, if you have periods, "
        "have they become irregular or stopped?",
        "eating too little for the training, or periods irregular or stopped",
        "warden-2014",
        "secondary",
        QuestionKind.BONE_STRESS_RISK,
    ),
)
"""The screen, in the order it is asked. Ottawa ankle/foot rules (`ottawa-rules`);
possible bone stress injury (`warden-2014`, secondary source only); the rest are
general clinical red flags that evidence.md §3.6 marks unverified, kept because a
false alarm costs a clinician visit while a missed one can cost far more
(`footcore-design`). The last three are the bone-stress risk factors of the same
section (`warden-2014`, secondary source): asked in every screen, they stop training
only together with pain (`stop.screen_findings`)."""

_BY_FLAG = {q.flag: q for q in RED_FLAG_QUESTIONS}


def red_flags_present(answers: RedFlagAnswers) -> tuple[RedFlag, ...]:
    """The red flags (not the risk factors) answered yes, in question order; any one
    stops self-guided training."""
    return tuple(
        q.flag
        for q in RED_FLAG_QUESTIONS
        if q.kind is QuestionKind.RED_FLAG and getattr(answers, q.flag.field)
    )
