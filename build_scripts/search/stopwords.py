"""Stop words: French and English lists, as data.

Sources (copied here, never read at run time):

* French: the Snowball list that lunr-languages ships in ``lunr.fr.js``,
  less ``sommes`` (also the noun "sums", frequent in budget texts);
* English: lunr.js's own ``lunr.stopWordFilter`` list, less ``an`` (the
  French noun "year": "par an").

A token is a stop word when its *folded* form is in :data:`STOP_WORDS`, so
``etait`` is one like ``était``. ``search.js`` gets the same set from the
generated ``search-support.js`` (see :mod:`build_scripts.search.assets`).
"""

from __future__ import annotations

from build_scripts.search.text import fold

FRENCH = tuple(
    """
ai aie aient aies ait as au aura aurai auraient aurais aurait auras aurez
auriez aurions aurons auront aux avaient avais avait avec avez aviez avions
avons ayant ayez ayons c ce ceci celà ces cet cette d dans de des du elle en
es est et eu eue eues eurent eus eusse eussent eusses eussiez eussions eut
eux eûmes eût eûtes furent fus fusse fussent fusses fussiez fussions fut
fûmes fût fûtes ici il ils j je l la le les leur leurs lui m ma mais me mes
moi mon même n ne nos notre nous on ont ou par pas pour qu que quel quelle
quelles quels qui s sa sans se sera serai seraient serais serait seras serez
seriez serions serons seront ses soi soient sois soit son sont soyez
soyons suis sur t ta te tes toi ton tu un une vos votre vous y à étaient
étais était étant étiez étions été étée étées étés êtes
""".split()
)

ENGLISH = tuple(
    """
a able about across after all almost also am among and any are as at be
because been but by can cannot could dear did do does either else ever every
for from get got had has have he her hers him his how however i if in into
is it its just least let like likely may me might most must my neither no
nor not of off often on only or other our own rather said say says she
should since so some than that the their them then there these they this tis
to too twas us wants was we were what when where which while who whom why
will with would yet you your
""".split()
)

#: Folded stop words, French and English.
STOP_WORDS = frozenset(fold(word) for word in FRENCH + ENGLISH)


def is_stop_word(term: str) -> bool:
    """True if *term* (lower case, accents or not) is a stop word."""
    return fold(term.lower()) in STOP_WORDS
