"""Wording that steers linking: comparisons, continuations, lists and non-figures.

Kept apart from the linking logic so the phrases can be read and extended in one place.
"""
import re


def contains_any(low: str, words: tuple[str, ...]) -> bool:
    """Whether the lower-cased text holds one of the words: the cheap test that guards a
    pattern every match of which holds one of them (substring tests are several times
    faster than a case-insensitive pattern)."""
    for w in words:  # a plain loop: any() over a generator costs more than the tests
        if w in low:
            return True
    return False


def window_contains(text: str, start: int, end: int, words: tuple[str, ...]) -> bool:
    """contains_any() for text[start:end] (start may be negative: from the text's start)."""
    return contains_any(text[max(0, start):end].lower(), words)


COMPARE_PRE = re.compile(
    r"(?:compared\s+(?:with|to)|comparison\s+with|up\s+from|down\s+from|against|versus|vs\.?|"
    r"(?:rise|increase|fall|drop|decrease|up|down|higher|lower)\s+on|"
    r"(?:rising|rose|risen|fell|falling|fallen|increased|increasing|decreased|decreasing|dropped|"
    r"dropping|grew|growing|jumped|climbed|up|down|change[ds]?)?\s*from)\s+"
    r"(?:the\s+|a\s+total\s+of\s+|just\s+|only\s+|some\s+|around\s+|about\s+)*$", re.I)
PAREN_COMPARE = re.compile(r"compar|previous|last\s+year|year\s+before|earlier|prior|from", re.I)
TO_BETWEEN = re.compile(r"^[^.;]{0,60}?\bto\s+(?:just\s+|only\s+|some\s+|around\s+|about\s+|a\s+record\s+|a\s+total\s+of\s+)*$", re.I)
BASE_POST = re.compile(
    r"^\s*(?:[\w-]+\s+){0,4}?(?:offences|crimes|incidents|cases|reports|allegations|thefts|"
    r"burglaries|robberies|assaults|rapes)\s+"
    r"(?:were\s+|had\s+been\s+|have\s+been\s+|being\s+)?(?:recorded|reported|logged)|"
    r"^\s+(?:(?!dealt\s+with|given|issued|received|resulted|ended)[^.;]){0,60}?,\s*of\s+which", re.I)
# (the second form needs words between the count and ", of which": "5,000 reports of shoplifting, of
# which ..."; in "PNDs had fallen to 186, of which 150 ..." the count is the disposal's own)
# "(b) Sexual assault - 17", "- Kent: 45", "2021/22 = 14": one labelled value per line
LIST_LINE = re.compile(r"\s*(?:[-*•·▪]|\(?[a-z0-9]{1,2}[.)])?\s*[^\s:=–-][^:=–\n]{0,60}?\s*[:=–-]\s*[\d,]+\s*\.?\s*$",
                       re.I)
# "the figure was 9", "it stood at 30": the sentence restates the previous figure's measure
_FIGURE_NOUN = (r"\b(?:the|that|this|its|a|\w+['’]s)\s+(?:(?:correct|corrected|true|actual|real|revised|right|"
                r"final|comparable|equivalent|overall)\s+)?(?:figure|number|total|tally|count)\b")
FIGURE_REF = re.compile(_FIGURE_NOUN + r"|\b(?:it|this|that)\s+(?:was|were|stood\s+at|rose\s+to|fell\s+to|reached)\b", re.I)
# "Merseyside's figure was 611": names the measure itself, so it may reach past a sentence
FIGURE_NOUN_REF = re.compile(_FIGURE_NOUN, re.I)
# "... use of community resolutions had doubled. It rose from 388 in 2022 to 611": the use just named
IT_CHANGED = re.compile(r"\s*(?:it|this|that|the\s+(?:use|number|figure))\s+(?:has\s+|had\s+)?"
                        r"(?:rose|risen|fell|fallen|dropped|climbed|went\s+(?:up|down)|increased|decreased)\s+from\b", re.I)
SUBSET_START = re.compile(r"\s*(?:of\s+(?:these|those|which|them|the\s+\d{1,3}(?:,\d{3})*(?=\s*,))|these\s+included|this\s+included|including|"
                          r"among\s+them|that\s+included|they\s+included)\b", re.I)
ISSUED_VERB = re.compile(r"\b(?:issued|handed\s+out|handed|gave\s+out|given\s+out|given|gave|dished\s+out|"
                         r"administered|imposed|used\s+(?:it|them))\b", re.I)
NEWLINE = re.compile(r"\n")
# verbs of a panel or inspection looking at a sample of cases
REVIEW_VERBS = r"reviewed|audited|examined|sampled|dip-sampled|scrutinised|scrutinized"
OTHER_VERB = re.compile(r"\b(?:replace|replaces|replaced|replacing|reviewed|audited|examined|sampled|dip-sampled|scrutinised|scrutinized|checked|"
                        r"inspected|assessed|surveyed|interviewed|looked\s+at|spoke\s+to|contacted|trained|"
                        r"read|reading|(?:manually\s+)?review|examine|(?:go|going|trawl|trawling)\s+through)"
                        r"\s+(?:[\w-]+\s+){0,3}$", re.I)
# "Rapes recorded in 2022", "offences were reported": crimes counted, not outcomes
RECORDED = re.compile(r"\b(?:offences|crimes|rapes|assaults|thefts|burglaries|robberies|incidents|cases|reports|"
                      r"allegations)\s+(?:were\s+|had\s+been\s+|have\s+been\s+)?(?:recorded|reported|logged)\b", re.I)
APPROX_BEFORE = re.compile(r"\b(?:nearly|almost|more\s+than|over|around|about|some|roughly|approximately|"
                           r"at\s+least|up\s+to|close\s+to|upwards\s+of|just\s+under|just\s+over)\s+$", re.I)
SUBSET_WORDS = re.compile(r"\b(?:of\s+which|of\s+these|of\s+those|of\s+them|including|included|among)\b", re.I)
CLAUSE_BREAK = re.compile(r"[;:()]|\b(?:and|or|but|while|whereas)\b", re.I)
GLUE = re.compile(r"[\s:,\-–=()]*")
FROM_END = re.compile(r"\bfrom\s+(?:\w+\s+)?$", re.I)
PAREN_ITEM = re.compile(r"\(\s*[^()]{1,30}:\s*$")
COMPARE_HINT = ("compar", "from", "against", "versus", "vs", "(", " on ")
IN_WORDS = {"in", "by", "from", "at", "across", "for"}
DISPOSAL_DEFAULT_OFFENCE = {"cannabis warning": "drug offences"}
# "recorded 1,842 hate crimes", "received 2,741 reports": crimes or reports, unless a disposal follows
CRIME_TALLY_VERB = re.compile(r"\b(?:recorded|received|receiving|reported|logged|attended|investigated|responded\s+to|"
                              r"admitting|admitted|admits|seized|recovered|arrested|detained|stopped|searched|"
                              r"identified|employs|employed|recruited|trained|diverted|diverting|referred|referring)\s+(?:[\w-]+\s+){0,3}$", re.I)
# "240 offenders had completed the course": an activity of the people counted, not a disposal
ACTIVITY_AFTER = re.compile(r"[\"'”’)]?\s+(?:[\w-]+\s+){0,2}?(?:(?:had|have|has)\s+(?:now\s+|since\s+)?)?"
                            r"(?:completed|attended|finished|signed\s+up|enrolled|taken\s+part|took\s+part|"
                            r"been\s+referred|were\s+referred|was\s+referred|"
                            r"(?:were|was|been)\s+(?:diverted|signposted)|work\s+(?:in|as|on|for)|worked\s+(?:in|as|on))\b",
                            re.I)  # "34 children were diverted under outcome 22", "of whom 640 work in investigation roles"
# ... followed by what was tallied ("1,842 hate crimes"), not by "." or "in 2023"
TALLY_NOUN = re.compile(r"\s+(?!(?:in|on|for|during|last|this|that|and|or|but|while|whereas|compared|the|a|an|"
                        r"times|such|of\s+them|of\s+these|respectively|each|apiece)\b)[A-Za-z]", re.I)
# "9 dealt with by way of a community resolution", "14 were given a caution": the count's own outcome
DEALT_WITH = re.compile(r"\s+(?:[\w-]+\s+){0,5}?(?:(?:(?:were|was|had\s+been|have\s+been|being)\s+)?"
                        r"(?:dealt\s+with|given|issued(?:\s+with)?|handed|offered|resolved|closed|disposed\s+of)|"
                        r"(?:(?:had|have|has)\s+)?(?:resulted\s+in|ended\s+in|led\s+to))"
                        r"\b[^,;:()]*?$", re.I)
# "... replace the six existing disposals with just two": counts of kinds of disposal
REPLACED_WITH = re.compile(r"\breplac\w*\b[^.;]{0,100}\bwith\s+(?:just\s+|only\s+)?$", re.I)
# "39,208 cautions (31,644 adult and 7,564 youth)": a qualifier right after the count
YOUTH_BEFORE = re.compile(r"\b(?:youth|youths|juvenile|juveniles|under-18s?|children)\s*[:=-]?\s*$", re.I)
LABEL_COLON = re.compile(r"[^.;:\n]{0,40}:\s*")
GENERIC_DISPOSAL = "out-of-court disposal"
# the kinds of out-of-court disposal (a count of two of them together is the generic one's)
OUT_OF_COURT_KINDS = frozenset({"community resolution", "caution", "conditional caution", "youth caution",
                                "youth conditional caution", "penalty notice", "cannabis warning"})
CRIME_NOUN_AFTER = re.compile(r"\s+(?:[\w-]+\s+){0,2}?(?:offences|crimes|incidents|reports|cases|allegations)\b", re.I)
# "Across all offence types, the force issued 1,403": a count over every offence
ALL_OFFENCES = re.compile(r"\ball\s+(?:offence|crime|offense)\s+(?:types|groups|categories)\b|"
                          r"\b(?:across|for|covering)\s+all\s+(?:offences|crimes|offenses)\b", re.I)
TOTAL_AFTER = re.compile(r"\s+(?:[\w-]+\s+){0,4}?(?:in\s+total|overall|in\s+all|altogether)\b", re.I)
OTHER_CLAUSE = re.compile(r"\b(?:while|whilst|whereas|but)\b", re.I)
# "a 14% rise in recorded hate crime across the region, to 9,400 offences": the new level of a tally
RISE_TO = re.compile(r"\b(?:rise|rose|risen|increase|increased|fall|fell|fallen|drop|dropped|jump|jumped|climbed|"
                     r"grew|decline|declined)\b[^.;]{0,80}\bto\s+(?:(?:more|fewer|less)\s+than\s+|over\s+|nearly\s+|"
                     r"almost\s+|about\s+|around\s+|some\s+|just\s+(?:over|under)\s+)?$", re.I)
YOUTH_AFTER = re.compile(r"\s+(?:to\s+)?(?:youth|youths|juvenile|juveniles|under-18s?|young\s+people|children)\b", re.I)
# "Outcome 8 was assigned to 47,550 offences recorded ...": outcomes counted in offences
ASSIGNED_TO = re.compile(r"\b(?:assigned|applied|allocated|attached)\s+to\s+(?:a\s+total\s+of\s+)?$|"
                         r"\b(?:was|were)\s+(?:recorded|given|issued|used|assigned|applied|imposed)\s+(?:for|in)\s+$", re.I)
# "including 1,030 of sexual touching and 183 of exposure": the next part of the same list
SAME_SHAPE = re.compile(r"\s+(?:of|for)\s+[^,;.()]{1,40}?(?:,\s*|\s+and\s+|\s*,\s*and\s+)$", re.I)
# "the four Welsh forces gave 2,756 warnings": a sum over forces, not the force in context
PLURAL_FORCES = re.compile(r"\b(?:the|all|both|these|those|several|many|other)\s+(?:[\w-]+\s+){0,3}forces\b|"
                           r"^\W*(?:police\s+)?forces\b", re.I)
# "a month-long operation resulted in 58 people charged": the results of a campaign over a
# period, unlike "charged 12 people after Saturday's disorder"
CAMPAIGN = re.compile(r"\b(?:(?:week|month|year|fortnight)-long|week\s+of\s+action|crackdown|campaign|blitz|"
                      r"operation\s+(?:targeting|aimed|against|to\s+tackle)|"
                      r"(?:during|over|throughout)\s+the\s+(?:operation|crackdown|campaign|initiative)|"
                      r"[\w]+-(?:day|week|month)\s+(?:operation|crackdown|campaign|initiative))\b", re.I)
