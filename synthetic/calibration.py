"""The Kent profile the simulation is tuned to, as named constants.

"KP" marks a figure Kent County Council published (as digested in the project's Kent profile, whose section
names the comments use), with the paper and the line of its text it comes from, e.g. "001 L1333":
    000  Looked-after Children and Care Leavers Strategy 2015-2016
    001  Corporate Parenting Panel agenda pack, 18 June 2015 (item B2: the Children in Care Performance Scorecard)
    002  Specialist Children's Services Policy Overview and Scrutiny Committee pack, 19 January 2012
    003  Corporate Parenting select committee recommendations progress update, 2019
    004  Cabinet report, Multi-agency Looked After Children Strategy, 2011
Rates that are not published directly (arrival rates, durations, move hazards) are tuned so that the simulated
stocks and flows reproduce the published ones; their comments say which figure they are tuned to.
"""

from __future__ import annotations

from datetime import date

# --- the authority ---------------------------------------------------------------------------------------
LA_CODE = "E10000016"  # KP "Districts and teams": Kent upper tier
LA_OLD_CODE = "886"  # KP "Districts and teams": old three-digit code
# The districts and teams themselves are in the authority's file (authorities/kent.yaml, KP "Districts and
# teams"); the weights below are by its district and team codes.
UNDER_18_POPULATION = 326_000  # KP: under-18 population of the 2015 scorecard (001 L1333); sizes other authorities
# Where looked-after children come from: the coastal and northern districts are over-represented (a
# weighting of the district's postcode count, tuned with the in-care total; no published split).
HOME_DISTRICT_WEIGHT = {
    "THA": 1.7,
    "SWA": 1.4,
    "DOV": 1.2,
    "FOL": 1.2,
    "GRA": 1.1,
    "DAR": 1.0,
    "CAN": 1.0,
    "ASH": 1.0,
    "MAI": 0.9,
    "TON": 0.7,
    "TUN": 0.6,
    "SEV": 0.5,
}
# Where other authorities place their children in Kent, by district (no published split).
OTHER_LA_CHILDREN_DISTRICTS = {
    "THA": 0.2,
    "SWA": 0.1,
    "DOV": 0.1,
    "FOL": 0.1,
    "CAN": 0.1,
    "MAI": 0.1,
    "ASH": 0.07,
    "TON": 0.05,
    "TUN": 0.05,
    "SEV": 0.04,
    "DAR": 0.05,
    "GRA": 0.04,
}

# --- stocks and flows (KP "Population and flows") --------------------------------------------------------
IN_CARE_31_MARCH = 1870  # KP: children in care March 2015 (001 L1333)
UASC_IN_CARE = 368  # KP: of whom UASC (001 L1333), about 20% (000 L483)
STARTERS_PER_YEAR = 992  # KP: starters 2014/15 (001 L1336); 835 in 2013/14 (000 L540)
LEAVERS_PER_YEAR = 922  # KP: ceased 2014/15 (001 L1372)
ADOPTED_PER_YEAR = 183  # KP: adopted 2014/15 (001 L1386)
SGO_PER_YEAR = 54  # KP: special guardianship 2014/15 (001 L1386)
REPEAT_WITHIN_24_MONTHS = 0.079  # KP: starters within 24 months of a previous episode (001 L1336)
CARE_LEAVERS_17_21 = 1030  # KP: care leavers March 2014 (000 L840)
OTHER_LA_CHILDREN_IN_KENT = 1303  # KP: other LAs' children placed in Kent, March 2015 (001 L1335)
CP_PLAN_IN_CARE = 13  # KP: children with a CP plan while in care (001 L1334)
MISSING_CHILDREN_PER_MONTH = 75  # KP "Outcomes": children missing per month, average (000 L1093)

# Tuned: citizen (non-UASC) first entries a year, giving ~600 citizen starters with repeats and the
# in-care total above at 1,500 citizens (IN_CARE_31_MARCH less UASC_IN_CARE).
CITIZEN_FIRST_ENTRIES_PER_YEAR = 535.0
# Tuned: UASC arrivals a year, giving UASC_IN_CARE (about 20% of the in-care total) with arrivals at 15-17.
UASC_ARRIVALS_PER_YEAR = 230.0
# UASC arrivals swing with events abroad: KP gives 10.5% UASC in 2013 and 20% in 2015 (000 L483); after
# the 2015 peak and the national transfer scheme they fell, then rose again with the small-boat crossings.
UASC_YEAR_FACTOR = {
    **{year: 0.6 for year in range(2000, 2013)},
    **{2013: 0.7, 2014: 0.9, 2015: 1.6, 2016: 1.1, 2017: 0.8, 2018: 0.8, 2019: 0.7, 2020: 0.55, 2021: 0.7},
    **{year: 1.15 for year in range(2022, 2030)},
}
# National transfer scheme (from July 2016) moves some new arrivals to other authorities (REC E3).
NTS_START = date(2016, 7, 1)

# --- characteristics (KP "Characteristics at 31 March 2014") ---------------------------------------------
MALE_SHARE_CITIZEN = 0.53  # tuned so that all children in care are 61% male (KP: male 61%)
MALE_SHARE_UASC = 0.97  # KP: 97% of new UASC male (000 L483-489)
# KP: 94 of 162 UASC arrivals stated 16 or 17, a further 40 stated 15, the rest younger
UASC_ARRIVAL_AGE = {13: 0.06, 14: 0.13, 15: 0.26, 16: 0.29, 17: 0.26}
# KP age mix at 31 March: under 1 4%, 1-4 13%, 5-9 19%, 10-15 36%, 16+ 28%. Citizen ages at entry
# (bands in years) tuned to reproduce it with the durations below.
CITIZEN_ENTRY_AGE = {(0, 1): 0.28, (1, 5): 0.12, (5, 10): 0.17, (10, 16): 0.32, (16, 18): 0.11}
NEWBORN_SHARE_OF_UNDER_1 = 0.4  # babies removed at birth: most under-1 starters are days old
# KP ethnicity: White 84%, Mixed 4%, Asian suppressed, Black 3%, Other 9% (UASC)
ETHNICITY_CITIZEN = {
    "WBRI": 0.895,
    "WOTH": 0.025,
    "WIRI": 0.003,
    "WIRT": 0.005,
    "WROM": 0.01,
    "MWBC": 0.01,
    "MWBA": 0.005,
    "MWAS": 0.007,
    "MOTH": 0.01,
    "AIND": 0.001,
    "APKN": 0.001,
    "ABAN": 0.001,
    "AOTH": 0.002,
    "BCRB": 0.003,
    "BAFR": 0.006,
    "BOTH": 0.003,
    "CHNE": 0.001,
    "OOTH": 0.004,
    "REFU": 0.002,
    "NOBT": 0.006,
}
# KP: UASC countries Eritrea, Syria, Afghanistan, Iraq, Iran, Albania (001 L3447-3460)
# (Kent records most UASC as "any other ethnic group": KP Other 9% is UASC)
ETHNICITY_UASC = {"OOTH": 0.6, "AOTH": 0.12, "BAFR": 0.12, "WOTH": 0.12, "BOTH": 0.04}
DISABILITY_SHARE = 0.05  # KP: 141 of ~1,850 disabled (2013/14); category N2 children are all disabled
# KP category of need of starters: N1 26, N2 3, N3 3, N4 14, N5 32, N6 3, N7 small, N8 19 (mostly UASC).
# Citizen weights (UASC are N8): the published mix with UASC taken out.
CIN_CITIZEN = {"N1": 0.33, "N2": 0.04, "N3": 0.04, "N4": 0.18, "N5": 0.36, "N6": 0.04, "N7": 0.003, "N8": 0.007}

# --- pathways through care -------------------------------------------------------------------------------
# Share of citizen periods on each path by age band at entry; tuned to the legal-status mix at 31 March
# (KP: ICO 7%, care order 39%, placement order 16%, s20 34%, other 4%) and the leavers' mix (KP: 922
# leavers, 183 adopted, 54 SGO).
PATHWAYS = {
    (0, 1): {"ADOPT": 0.78, "SGO": 0.08, "RETURN_LONG": 0.05, "RETURN_SHORT": 0.05, "LONG_TERM": 0.03, "RO": 0.01},
    (1, 5): {"ADOPT": 0.55, "SGO": 0.12, "RETURN_LONG": 0.1, "RETURN_SHORT": 0.11, "LONG_TERM": 0.11, "RO": 0.01},
    (5, 10): {"ADOPT": 0.05, "SGO": 0.1, "RETURN_LONG": 0.2, "RETURN_SHORT": 0.26, "LONG_TERM": 0.36, "RO": 0.03},
    (10, 16): {
        "SGO": 0.03,
        "RETURN_LONG": 0.12,
        "RETURN_SHORT": 0.4,
        "LONG_TERM": 0.36,
        "REMAND": 0.04,
        "RO": 0.01,
        "TRANSFER": 0.03,
        "DIED": 0.01,
    },
    (16, 18): {"RETURN_SHORT": 0.5, "LONG_TERM": 0.38, "REMAND": 0.08, "TRANSFER": 0.03, "DIED": 0.01},
}
# Share of long-term children who stay until 18, by age band at entry (the rest go home or move on).
LONG_TERM_STAY_TO_18 = {(0, 5): 0.45, (5, 10): 0.5, (10, 16): 0.55, (16, 18): 0.65}
ADOPTION_REVERSED = 0.15  # decisions that the child should no longer be placed (PlacedAdoption RD1-RD4)
ADOPTION_WITH_CONSENT = 0.05  # A3/A4: placed with parental consent, no placement order
# KP "Outcomes": 532 days from entry to moving in with adopters, 207.6 from placement order to match
ADOPTION_DAYS_ENTRY_TO_PLACED = 532
ADOPTION_DAYS_ORDER_TO_MATCH = 208
# KP: 7.9% of starters return within 24 months; share of returns home that come back (tuned to it)
REENTRY_AFTER_RETURN_HOME = 0.24
REENTRY_LATER = 0.05  # a further share come back after more than 24 months

# --- placements (KP placement mix and "Outcomes") --------------------------------------------------------
# KP: 3+ placements in 12 months 9.6% (Mar 2015); same placement 2 years 72.7%. Move hazards a year for
# settled, unsettled and very unsettled children, and the share of each by age band, tuned to both.
MOVE_RATE = (0.1, 0.8, 3.4)
INSTABILITY_SHARE = {(0, 5): (0.86, 0.12, 0.02), (5, 10): (0.8, 0.16, 0.04), (10, 18): (0.66, 0.24, 0.1)}
EMERGENCY_FIRST_PLACEMENT = 0.3  # first placements that end within two months (a planned move follows)
IN_HOUSE_FOSTER_SHARE = 0.64  # KP: 8 in 10 foster children with in-house carers (001 L2576); tuned
OUTSIDE_KENT_TARGET = 0.20  # brief: about 20% of children in care placed outside Kent
WITHIN_20_MILES = 0.824  # KP: placed within 20 miles of home (001 L2563)
RESIDENTIAL_SHARE = 0.056  # KP: in residential placements (001 L1367)
TEMPORARY_PLACEMENT_SHARE = 0.012  # periods with a temporary (T0-T4) interlude

# --- reviews (KP "Outcomes": reviews on time 97.1%, participation 95.5%) ---------------------------------
REVIEWS_ON_TIME = 0.971
REVIEW_PARTICIPATION_WEIGHTS = {
    "PN1": 0.55,
    "PN2": 0.08,
    "PN3": 0.04,
    "PN4": 0.06,
    "PN5": 0.12,
    "PN6": 0.11,
    "PN7": 0.04,
}

# --- care leavers (KP "Outcomes": EET 23%, England 34%; suitable 42.5%, in touch 56% in the year with
# the data-quality problem, England 73% / 89%). Unfaulted data follows the England-like figures; the
# care_leaver_status_unknown fault reproduces Kent's 56% not known.
CARE_LEAVER_IN_TOUCH = {17: 0.93, 18: 0.9, 19: 0.86, 20: 0.85, 21: 0.84}
CARE_LEAVER_STATUS_UNKNOWN = 0.56  # KP: 56% of care leavers aged 19-21 status not known (000 L840)
FAULT_COLLECTION_YEAR = 2026  # the fault's collection year, 2025/26

# --- missing (KP "Outcomes": 50 to 96 children missing a month, average 75) -------------------------------
# Per-year missing-episode rates for three kinds of 12-17-year-old, and the share of each; tuned.
MISSING_RATE = (0.03, 1.0, 7.5)
MISSING_SHARE = (0.72, 0.17, 0.11)

# --- other work -----------------------------------------------------------------------------------------
SOCIAL_WORKER_CHANGE_DAYS = 270  # brief: a child's social worker changes about every 9 months
SOCIAL_WORKER_TENURE_YEARS = 3.5  # how long a worker stays with the authority; tuned, no KP figure
SOCIAL_WORKERS_PER_TEAM = {"NORTH": 22, "SOUTH": 24, "EAST": 30, "WEST": 22, "DISABILITY": 10, "UASC": 22}
OFFENDER_SHARE = 0.08  # children in care aged 10+ who offend; ~4% convicted a year (903 OC2)
OFFENDING_RATE = 0.7  # outcomes a year while offending
OLD_LA_CODES = ("886", "887", "845", "846", "938", "936", "303", "305", "208", "210", "881", "330")
