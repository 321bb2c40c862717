"""Varianttabellen i terminalen viser samme præcision som hovedtabellen: mio. kr. med én decimal og
hver totals 95 %-interval, ikke kroner til sidste ciffer."""

import pandas

from openfisca_dk_jobcenter.analyse.tabel import formater_varianter


def test_varianter_i_mio_kr_med_interval():
    pr_ordning = pandas.DataFrame(
        {
            "reform": ["sats=30", "sats=45"],
            "ordning": ["I alt", "I alt"],
            "reform_kr": [1_052_795_025.0, 1_325_478_049.0],
            "reform_kr_95_nedre": [1_040_000_000.0, 1_307_000_000.0],
            "reform_kr_95_oevre": [1_066_000_000.0, 1_344_000_000.0],
            "forskel_kr": [-272_683_025.0, 0.0],
            "forskel_kr_95_nedre": [-275_000_000.0, 0.0],
            "forskel_kr_95_oevre": [-270_000_000.0, 0.0],
        }
    )
    tekst = formater_varianter(pr_ordning, "sats", {"sats=30": 30, "sats=45": 45})
    assert "1.052,8" in tekst and "1.040,0–1.066,0" in tekst
    assert "-272,7" in tekst and "-275,0–-270,0" in tekst
    assert "1.052.795.025" not in tekst  # ingen kroner til sidste ciffer
    assert "95 %-interval" in tekst
