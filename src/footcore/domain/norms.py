"""Published reference values for the self-tests, each with its citation and evidence status.

Only values evidence.md marks verified [V] or secondary [S] appear here (its section 6
wins where it corrects section 2). Rules of thumb it marks unverified are deliberately
absent: no "<10 cm is restricted" for knee-to-wall, no toe-grip kilograms, no eyes-closed
best-of-3 balance values. Where no norm exists, `compare` says so and points the runner
to their own trend.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from enum import StrEnum

from footcore.domain.assessments import (
    DEFINITIONS,
    Grade,
    HeelRaiseSurface,
    TestKind,
    Trials,
    Unit,
    Value,
    headline,
)
from footcore.domain.vocab import Sex


class EvidenceStatus(StrEnum):
    VERIFIED = "verified"
    """Checked against a primary abstract or table (evidence.md [V])."""
    SECONDARY = "secondary"
    """Checked only against secondary reproductions (evidence.md [S])."""
    DESIGN = "design"
    """A footcore design rule (`footcore-design`), not a published value."""


@dataclass(frozen=True, slots=True)
class Reference:
    """A published value a result is compared with."""

    value: float
    unit: Unit
    statistic: str
    """What the number is: `model-predicted median`, `mean of 3 trials`..."""
    population: str
    citation: str
    status: EvidenceStatus
    note: str = ""


@dataclass(frozen=True, slots=True)
class Threshold:
    """A difference that matters: a change beyond measurement error, a side-to-side gap."""

    value: float
    unit: Unit
    meaning: str
    citation: str
    status: EvidenceStatus


HEEL_RAISE_AGES = (20, 30, 40, 50, 60, 70, 80)
HEEL_RAISE_MEDIANS: dict[Sex, tuple[float, ...]] = {
    Sex.MALE: (37.5, 32.9, 28.3, 23.8, 19.1, 14.6, 10.0),
    Sex.FEMALE: (30.1, 27.4, 24.6, 22.0, 19.2, 16.4, 13.7),
}
"""Hébert-Losier 2017 Table 4 as reproduced by two sources: model-predicted medians at
exact ages, both legs averaged, BMI 24.2, activity level 4, 10 degree incline."""

LUNSFORD_PERRY_MEAN = Reference(
    value=27.9,
    unit=Unit.REPS,
    statistic="mean",
    population="healthy adults aged 20-59",
    citation="lunsford-perry-1995",
    status=EvidenceStatus.VERIFIED,
)
JAN_NORMAL_GRADE = Reference(
    value=20,
    unit=Unit.REPS,
    statistic="traditional 'normal' grade (at least)",
    population="adults",
    citation="jan-2005",
    status=EvidenceStatus.VERIFIED,
)

BALANCE_BAND_STARTS = (18, 40, 50, 60, 70, 80)
BALANCE_BANDS = ("18-39", "40-49", "50-59", "60-69", "70-79", "80+")
BALANCE_EYES_OPEN_BEST_S = (44.7, 41.9, 41.2, 32.1, 21.5, 9.4)
BALANCE_EYES_CLOSED_MEAN_S = (9.4, 7.3, 4.8, 2.8, 2.0, 1.3)
"""Springer 2007 all-subject values (sex made no difference). Eyes closed is the mean of 3
trials: the all-subject best-of-3 for eyes closed is not known, so none is shown."""

HEEL_RAISE_LOA = Threshold(
    value=6.2,
    unit=Unit.REPS,
    meaning="between-day 95% limits of agreement",
    citation="hebert-losier-2017",
    status=EvidenceStatus.VERIFIED,
)
"""Left leg -6.1 to 6.2, right leg -6.2 to 6.5 reps: a retest moves about this much by
chance, so it is both the "real change" threshold and the "close to the norm" band."""

WITHIN_BAND_FRACTION = 0.10
"""footcore-design: with no published measurement error, a result within 10% of the
reference counts as "within" it."""


KNEE_TO_WALL_DEG_PER_CM = Reference(
    value=3.6,
    unit=Unit.DEGREES,
    statistic="degrees of ankle dorsiflexion per cm of toe-to-wall distance",
    population="adults",
    citation="bennell-1998",
    status=EvidenceStatus.SECONDARY,
)


def knee_to_wall_deg(distance_cm: float) -> float:
    """Approximate ankle dorsiflexion in degrees for a knee-to-wall distance in cm, at
    about 3.6 deg per cm (bennell-1998, secondary). Shown beside the centimetres, never
    instead of them: the thresholds are published in centimetres."""
    return distance_cm * KNEE_TO_WALL_DEG_PER_CM.value


class Standing(StrEnum):
    BELOW = "below"
    WITHIN = "within"
    ABOVE = "above"
    NO_NORM = "no-norm"


@dataclass(frozen=True, slots=True)
class Interpretation:
    kind: TestKind
    standing: Standing
    compared_value: float | Grade | None
    """The number actually compared (the mean of trials for eyes-closed balance)."""
    reference: Reference | None
    band: Threshold | None
    """How far from the reference still counts as "within"."""
    sentence: str


def heel_raise_median(age: float, sex: Sex) -> Reference:
    """The Hébert-Losier 2017 model-predicted median reps for this age and sex.

    The paper gives values at ages 20, 30 ... 80 only; between them we interpolate
    linearly (a footcore choice: the model's curve is smooth, and a step at each decade
    would jump by up to 4.7 reps in a year). Ages below 20 or above 80 take the nearest
    end value and say so. Status secondary (evidence.md section 6).
    """
    sex = Sex(sex)
    medians = HEEL_RAISE_MEDIANS[sex]
    clamped = min(max(age, HEEL_RAISE_AGES[0]), HEEL_RAISE_AGES[-1])
    index = min(bisect_right(HEEL_RAISE_AGES, clamped) - 1, len(HEEL_RAISE_AGES) - 2)
    low_age, high_age = HEEL_RAISE_AGES[index], HEEL_RAISE_AGES[index + 1]
    fraction = (clamped - low_age) / (high_age - low_age)
    value = medians[index] + fraction * (medians[index + 1] - medians[index])
    people = "men" if sex is Sex.MALE else "women"
    if clamped == age:
        population = f"{people} aged {age:g}"
        note = "interpolated between the ages the paper gives"
    else:
        population = f"{people} aged {clamped:g}, the nearest age the paper gives"
        note = "the paper covers ages 20-80"
    return Reference(
        value=round(value, 1),
        unit=Unit.REPS,
        statistic="model-predicted median",
        population=population,
        citation="hebert-losier-2017",
        status=EvidenceStatus.SECONDARY,
        note=note + "; measured on a 10 degree incline, BMI 24.2, both legs averaged",
    )


def balance_reference(kind: TestKind, age: float) -> Reference | None:
    """Springer 2007 all-subject unipedal stance time for the age band, or None under 18.

    Eyes open is the best of 3 trials; eyes closed is the mean of 3 trials, the only
    eyes-closed all-subject value known (status secondary, evidence.md section 6).
    """
    if age < BALANCE_BAND_STARTS[0]:
        return None
    band = bisect_right(BALANCE_BAND_STARTS, age) - 1
    if kind is TestKind.BALANCE_EYES_OPEN:
        value, statistic = BALANCE_EYES_OPEN_BEST_S[band], "best of 3 trials"
    elif kind is TestKind.BALANCE_EYES_CLOSED:
        value, statistic = BALANCE_EYES_CLOSED_MEAN_S[band], "mean of 3 trials"
    else:
        raise ValueError(f"{kind} is not a balance test")
    return Reference(
        value,
        Unit.SECONDS,
        statistic,
        f"adults aged {BALANCE_BANDS[band]}",
        "springer-2007",
        EvidenceStatus.SECONDARY,
    )


def compare(
    kind: TestKind,
    value: Value,
    age: float | None,
    sex: Sex | None,
    surface: HeelRaiseSurface | None = None,
) -> Interpretation:
    """Where a result stands against the published reference for the runner, if any.

    A heel raise is read against the norms only when done on the incline board
    (`surface`), as the published values were (hebert-losier-2017); on a flat floor, or
    on a surface not recorded, it gets no verdict and points to the runner's own trend.

    "Within" means inside the band around the reference: the between-day limits of
    agreement for heel raises (hebert-losier-2017), otherwise 10% (footcore-design).
    Heel raises use the age- and sex-specific median when both are known, else the
    Lunsford-Perry mean with the traditional >= 20 grade (jan-2005). Tests without a
    published norm return `Standing.NO_NORM` and point to the runner's own trend.
    """
    label = DEFINITIONS[kind].short_name
    # Accept any str enum with the same values (the profile has its own `Sex`).
    sex = None if sex is None else Sex(sex)
    if kind is TestKind.HEEL_RAISE:
        if surface is not HeelRaiseSurface.INCLINE:
            return _heel_raise_off_incline(_number_of(value), surface)
        return _heel_raise(_number_of(value), age, sex)
    if kind in (TestKind.BALANCE_EYES_OPEN, TestKind.BALANCE_EYES_CLOSED):
        return _balance(kind, value, age)
    if kind in (TestKind.PAPER_GRIP_HALLUX, TestKind.PAPER_GRIP_LESSER_TOES):
        if not isinstance(value, Grade):
            raise ValueError(f"{label}: expected a grade, got {value!r}")
        if value is Grade.PASS:
            standing, verdict = Standing.WITHIN, "pass, as toes of normal strength do"
        else:
            standing, verdict = (
                Standing.BELOW,
                "fail. Letting the card go suggests weak toe muscles; the test picks out"
                " toe weakness with 74-80% sensitivity and specificity",
            )
        sentence = f"{label.capitalize()}: {verdict} (menz-2006)."
        return Interpretation(kind, standing, value, None, None, sentence)
    reason = _NO_NORM_REASONS.get(kind, "")
    return Interpretation(
        kind,
        Standing.NO_NORM,
        headline(value),
        None,
        None,
        f"No published norm for {label}: showing your own trend.{reason}",
    )


_NO_NORM_REASONS = {
    TestKind.KNEE_TO_WALL: " The common '<10 cm is restricted' rule is unverified, so it is"
    " not used; a change of more than 1.9 cm is real (powden-2015).",
    TestKind.SHORT_FOOT_HOLD: " Mulligan and Cook graded the hold but published no norm"
    " (mulligan-cook-2013).",
    TestKind.FAAM_ADL: " 100% means no difficulty (martin-faam-2005).",
    TestKind.FAAM_SPORTS: " 100% means no difficulty (martin-faam-2005).",
}


def _heel_raise_off_incline(reps: float, surface: HeelRaiseSurface | None) -> Interpretation:
    if surface is HeelRaiseSurface.FLAT:
        where = "on a flat floor"
        compared = "your own earlier flat-floor counts"
    else:
        where = "on a surface that was not recorded (saved before footcore asked)"
        compared = "your own earlier counts"
    sentence = (
        f"{reps:g} reps {where}: no verdict, because the published values were measured on"
        " a 10 degree incline board (hebert-losier-2017) and a count on another surface is"
        f" a different number. Showing your own trend: compare with {compared}."
    )
    return Interpretation(TestKind.HEEL_RAISE, Standing.NO_NORM, reps, None, None, sentence)


def _heel_raise(reps: float, age: float | None, sex: Sex | None) -> Interpretation:
    """The only published line for "below" is Jan 2005's traditional normal grade of 20
    reps. Hébert-Losier's median (or Lunsford-Perry's mean) is context, not a cut-off:
    half of healthy people are below a median (evidence.md section 7)."""
    band = HEEL_RAISE_LOA
    if age is not None and age < 18:
        sentence = "No published norm for heel raises under 18: showing your own trend."
        return Interpretation(TestKind.HEEL_RAISE, Standing.NO_NORM, reps, None, None, sentence)
    if age is not None and sex is not None:
        reference = heel_raise_median(age, sex)
        context = (
            f" For comparison, the {reference.statistic} of {reference.value:g} reps for"
            f" {reference.population} on a 10 degree incline ({reference.citation},"
            f" {reference.status}) is a middle value, not a line to pass."
        )
    else:
        reference = LUNSFORD_PERRY_MEAN
        context = (
            f" For comparison, healthy adults averaged {reference.value:g}"
            f" ({reference.citation}); an average is not a line to pass."
        )
    below = reps < JAN_NORMAL_GRADE.value
    standing = Standing.BELOW if below else Standing.WITHIN
    meets = "below" if below else "at or above"
    sentence = (
        f"{reps:g} reps is {meets} the traditional normal grade of"
        f" {JAN_NORMAL_GRADE.value:g} reps (jan-2005).{context}"
    )
    return Interpretation(TestKind.HEEL_RAISE, standing, reps, reference, band, sentence)


BALANCE_CAP_S = 45.0
"""Springer 2007 stopped every trial at 45 s: a longer hold is at the test's ceiling."""


def _balance(kind: TestKind, value: Value, age: float | None) -> Interpretation:
    """Springer 2007 publishes means, not a lower reference limit, so balance gets no
    verdict: the result, the typical value for the age band as context, and the trend."""
    reference = None if age is None else balance_reference(kind, age)
    if reference is None:
        why = "without your age" if age is None else "under 18"
        return Interpretation(
            kind,
            Standing.NO_NORM,
            headline(value),
            None,
            None,
            f"No published norm for balance {why}: showing your own trend.",
        )
    if kind is TestKind.BALANCE_EYES_CLOSED:
        if not isinstance(value, Trials) or len(value.values_s) != 3:
            return Interpretation(
                kind,
                Standing.NO_NORM,
                headline(value),
                None,
                None,
                "No published norm for the best eyes-closed time: the reference is the mean"
                " of 3 trials (springer-2007), so record all three. Showing your own trend.",
            )
        compared = value.mean_s
    else:
        compared = _number_of(value)
    if compared >= BALANCE_CAP_S:
        sentence = (
            f"{compared:.1f} s ({reference.statistic}) is at the ceiling of the test: the"
            f" published trials stopped at {BALANCE_CAP_S:g} s (springer-2007)."
        )
    else:
        sentence = (
            f"{compared:.1f} s ({reference.statistic}); for comparison, {reference.population}"
            f" averaged {reference.value:g} s ({reference.citation}, {reference.status})."
            " The study gives no lower limit, so this is no verdict: watch your own trend."
        )
    return Interpretation(kind, Standing.NO_NORM, compared, reference, None, sentence)


def _stand(value: float, reference: float, band: float) -> Standing:
    # Rounded so that a value exactly on the band's edge is not pushed out by float error.
    offset = round(value - reference, 6)
    if offset < -band:
        return Standing.BELOW
    if offset > band:
        return Standing.ABOVE
    return Standing.WITHIN


def _number_of(value: Value) -> float:
    if isinstance(value, Trials):
        return value.best_s
    if isinstance(value, Grade):
        raise ValueError(f"expected a number, got the grade {value.value!r}")
    return float(value)
