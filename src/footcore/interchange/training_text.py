"""Recognise running sessions in the free text of calendar entries.

Calendars from Garmin, TrainingPeaks, Runna, Google and friends carry no standard
"this is a run" field: the title and notes are all there is. The rules below are
deliberately plain keyword lists (English first, then the common European words)
so that a runner or a translator can read and extend them. Text is compared after
case folding and stripping accents, so `Fractionné` matches `fractionne`.

Choices worth knowing (all `footcore-design`, not published):
- "parkrun" is a timed 5 km most runners treat as a hard effort, not a race to
  taper for: it counts as a hard run unless the entry also says "race".
- "5k", "10k" or "half" alone do not make a race (a "10k easy" is a training
  run); race words ("race", "Wettkampf", ...) or event words ("marathon",
  "triathlon", ...) without training words ("pace", "training", ...) do.
- A long run is named as one, or mentions >= 16 km / 10 mi, or >= 90 minutes.
"""

from __future__ import annotations

import re
import unicodedata

from footcore.domain.training_calendar import TrainingTag

LONG_RUN_MIN_KM = 16.0
LONG_RUN_MIN_MI = 10.0
LONG_RUN_MIN_MIN = 90.0

_RUN_WORDS = (
    r"runs?|running|jog|jogs|jogging|lauf|laufen|dauerlauf|lauftraining|laufeinheit"
    r"|footing|course a pied|correr|rodaje|corsa|hardlopen|duurloop|lopning|lopetur"
    r"|lob|lop|juoksu|juoksulenkki|lenkki|bieg|bieganie|beh|corrida|carrera"
)
_WEAK_RUN_WORDS = r"easy|recovery|steady|aerobic|shakeout|strides|base"
_RUN_EMOJI = "\U0001f3c3"  # person running, with or without gender/skin modifiers
_OTHER_SPORT_WORDS = (
    r"bike|biking|cycling|cycle|ride|rides|swim|swimming|rowing|row|yoga|pilates"
    r"|gym|strength|weights|rad|radfahren|schwimmen|velo|natation|ciclismo|natacion"
    r"|ski|skiing|skating|football|soccer|tennis|climbing|hike|hiking|wandern"
    r"|f1|formula 1|grand prix|motogp|nascar|horse|sailing|regatta"
)
_HARD_STRONG = (
    r"intervals?|tempo|threshold|fartlek|vo2|vo2 ?max|yasso|cruise intervals"
    r"|hill repeats|intervalle|intervalltraining|tempolauf|schwelle|schwellenlauf"
    r"|fractionne|seuil|vma|umbral|ripetute|soglia|intervallen|drempel"
    r"|intervaller|intervallit|interwaly"
)
_HARD_WEAK = (
    r"track|hills?|repeats|speed|progression|ladder|pyramid|race pace|race-pace"
    r"|marathon pace|goal pace|mp|hmp|bahn|berg|bergsprints|cotes|cuestas|salite|heuvels?"
    r"|series"
)
_REPEATS = r"\d+\s*[x×]\s*\d+"
_LONG_WORDS = (
    r"long run|long-run|longrun|long slow|lsd|lr|langer lauf|langer dauerlauf"
    r"|sortie longue|tirada larga|rodaje largo|lungo|lungolento|lange duurloop"
    r"|langpass|langtur|pitka lenkki|dlugie wybieganie"
)
_LONG_WEAK_WORDS = r"long|lange|langer|longue|largo|larga|lungo"
_RACE_WORDS = (
    r"race|races|race day|raceday|wettkampf|gara|wedstrijd|competition|competicion"
    r"|tavling|zawody|zavod|kilpailu"
)
_EVENT_WORDS = (
    r"marathon|maraton|maratona|marato|halbmarathon|semi-marathon|semi marathon"
    r"|ultra|ultramarathon|triathlon|duathlon|turkey trot|fun run|vasaloppet"
)
_NOT_RACE_WORDS = (
    r"pace|training|plan|week|prep|workout|tempo|interval|expo|pick ?up|pick-up|packet"
    r"|registration|register|sign ?up|anmeldung|inscription|cheer|watch|volunteer"
    r"|spectat|simulation|recce|pre-race|pre race|post-race|post race|shakeout|after"
    r"|nach|recovery"
)
_NOT_RUN_PHRASES = r"dry run|test run|run-through|run through|trial run|print run|run book"
_DISTANCE = re.compile(
    r"(\d+(?:[.,]\d+)?)\s*(km|k|kilometers?|kilometres?|kilometer|mi|miles?|meilen?)\b"
)
_MINUTES = re.compile(r"(\d+(?:[.,]\d+)?)\s*(min|mins|minutes|minuten|minutos|minuti)\b")
# "hr" is left out on purpose: "zone 2 HR" is a heart rate, not two hours.
_HOURS = re.compile(r"(\d+(?:[.,]\d+)?)\s*(h|hrs|hours?|stunden|std)\b(?:\s*(\d{1,2}))?")
_CLOCK = re.compile(r"\b(\d):([0-5]\d):([0-5]\d)\b")


def _words(alternatives: str) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")


_RUN = _words(_RUN_WORDS)
_WEAK_RUN = _words(_WEAK_RUN_WORDS)
_OTHER_SPORT = _words(_OTHER_SPORT_WORDS)
_HARD_STRONG_RE = _words(_HARD_STRONG)
_HARD_WEAK_RE = _words(_HARD_WEAK)
_REPEATS_RE = re.compile(_REPEATS)
_LONG = _words(_LONG_WORDS)
_LONG_WEAK = _words(_LONG_WEAK_WORDS)
_RACE = _words(_RACE_WORDS)
_EVENT = _words(_EVENT_WORDS)
_NOT_RACE = _words(_NOT_RACE_WORDS)
_NOT_RUN = _words(_NOT_RUN_PHRASES)
_PARKRUN = _words(r"parkrun|park run")


# Letters that NFKD does not split into a base letter and an accent.
_UNDECOMPOSED = str.maketrans({"ø": "o", "ł": "l", "æ": "ae", "đ": "d", "ı": "i", "œ": "oe"})


def normalise(text: str) -> str:
    """Case-fold, strip accents and squeeze white space, for keyword matching."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(_UNDECOMPOSED))
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    # Runna and TrainingPeaks separate words with dots, bars and underscores.
    plain = re.sub(r"[·•|_/:;,()\[\]]+", " ", plain)
    return re.sub(r"\s+", " ", plain).strip()


def classify_training_text(
    summary: str, details: str = "", categories: tuple[str, ...] = ()
) -> frozenset[TrainingTag]:
    """Tags for one calendar entry, from its title, notes (`details`) and categories.

    Whether an entry is a run at all is decided from the title and categories only:
    notes of office meetings say "run" too often ("run the numbers"). Once it is a
    run, the notes add detail (intervals, distance, duration). An entry that is not
    recognisably a run gets no tags; every tagged entry carries `TrainingTag.RUN`.
    Long-run thresholds: 16 km, 10 mi or 90 min (`footcore-design`).
    """
    raw = f"{summary}\n{details}"
    title = normalise(" ".join((summary, *categories)))
    text = normalise(raw)
    race_like = _is_race(normalise(summary), text)
    other_sport = bool(_OTHER_SPORT.search(title))
    explicit_run = bool(_RUN.search(_NOT_RUN.sub(" ", title))) or _RUN_EMOJI in summary
    implied_run = not other_sport and any(
        pattern.search(title)
        for pattern in (_HARD_STRONG_RE, _REPEATS_RE, _PARKRUN, _LONG, _WEAK_RUN)
    )
    if not (explicit_run or implied_run or (race_like and not other_sport)):
        return frozenset()
    tags = {TrainingTag.RUN}
    if race_like:
        tags.add(TrainingTag.RACE)
        return frozenset(tags)
    hard = any(
        pattern.search(text) for pattern in (_HARD_STRONG_RE, _REPEATS_RE, _HARD_WEAK_RE, _PARKRUN)
    )
    if hard:
        tags.add(TrainingTag.HARD)
    if (
        _LONG.search(text)
        or (not hard and _LONG_WEAK.search(title))
        or _longest_km(raw) >= LONG_RUN_MIN_KM
        or _longest_min(raw) >= LONG_RUN_MIN_MIN
    ):
        tags.add(TrainingTag.LONG_RUN)
    return frozenset(tags)


def _is_race(title: str, text: str) -> bool:
    # Race-pace work and marathon-training weeks mention races without being one.
    if _NOT_RACE.search(title):
        return False
    if _RACE.search(title) or (_PARKRUN.search(title) and _RACE.search(text)):
        return True
    return bool(_EVENT.search(title))


def _longest_km(raw: str) -> float:
    longest = 0.0
    for number, unit in _DISTANCE.findall(raw.casefold()):
        value = float(number.replace(",", "."))
        km = value * 1.609344 if unit.startswith(("mi", "meile")) else value
        # 10 mi is 16.09 km: treat the mile threshold as its own round number.
        if unit.startswith(("mi", "meile")) and value >= LONG_RUN_MIN_MI:
            km = max(km, LONG_RUN_MIN_KM)
        longest = max(longest, km)
    return longest


def _longest_min(raw: str) -> float:
    text = raw.casefold()
    longest = 0.0
    for number, _unit in _MINUTES.findall(text):
        longest = max(longest, float(number.replace(",", ".")))
    for number, _unit, extra in _HOURS.findall(text):
        minutes = float(number.replace(",", ".")) * 60 + (float(extra) if extra else 0.0)
        longest = max(longest, minutes)
    for hours, minutes, _seconds in _CLOCK.findall(text):
        longest = max(longest, int(hours) * 60 + int(minutes))
    return longest
