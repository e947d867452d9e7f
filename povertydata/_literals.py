"""The vocabularies of figures as ``Literal`` types, generated from ``data/registry.json``: do not edit.

Regenerate with ``python -m povertydata._registry``; a test fails when this module and the
registry disagree. At run time the registry itself is the vocabulary.
"""

from __future__ import annotations

from typing import Literal

__all__ = ["Kind", "Per", "Qualifier", "Unit"]

#: A unit key: the units, then the currencies by ISO 4217 code.
Unit = Literal[
    "number",
    "household",
    "person",
    "person_time",
    "count",
    "percent",
    "percentage_point",
    "fold",
    "ratio",
    "km",
    "m",
    "cm",
    "mm",
    "km2",
    "m2",
    "mu",
    "ha",
    "m3",
    "t",
    "kg",
    "jin",
    "g",
    "kW",
    "MW",
    "kWh",
    "year_duration",
    "month_duration",
    "day_duration",
    "hour_duration",
    "year",
    "date",
    "CNY",
    "USD",
    "HKD",
    "MOP",
    "TWD",
    "EUR",
    "JPY",
    "GBP",
    "KRW",
    "THB",
    "RUB",
    "AUD",
    "CAD",
    "SGD",
    "CHF",
]

#: A qualifier key.
Qualifier = Literal[
    "exact",
    "approx",
    "nearly",
    "more_than",
    "at_least",
    "at_most",
    "less_than",
]

#: A rate key, in the order a figure lists them (entity first, then time).
Per = Literal[
    "person",
    "household",
    "village",
    "mu",
    "item",
    "year",
    "quarter",
    "month",
    "week",
    "day",
]

#: A mention kind.
Kind = Literal[
    "quantity",
    "year",
    "date",
    "name",
]
