#!/usr/bin/env python3
"""Builds assets/lexicon/ordinary_words.txt from Universal Dependencies English-EWT.

An ordinary word is one the treebank writes in lower case far more often than it tags it as a
proper noun, with the part of speech it has most often in lower case: `Sometimes`, `Asked`, `Speaking`, `Likewise` opening a sentence are not names.
byline uses the list to tell a capital that only begins a sentence from a name.

usage: scripts/ordinary_words.py PATH/TO/en_ewt-ud-train.conllu > assets/lexicon/ordinary_words.txt

The treebank is CC BY-SA 4.0 (Universal Dependencies English Web Treebank); so is the list.
"""
import collections
import sys

lower = collections.Counter()
tags = collections.defaultdict(collections.Counter)
proper = collections.Counter()
for line in open(sys.argv[1], encoding="utf-8"):
    cols = line.rstrip("\n").split("\t")
    if len(cols) < 4 or not cols[0].isdigit():
        continue
    form, tag = cols[1], cols[3]
    if not form.isalpha():
        continue
    if form[0].islower():
        lower[form.lower()] += 1
        tags[form.lower()][tag] += 1
    elif tag == "PROPN":
        proper[form.lower()] += 1

print("# Ordinary English words, from UD English-EWT (CC BY-SA 4.0); built by scripts/ordinary_words.py.")
for word in sorted(lower):
    if lower[word] >= 2 and lower[word] >= 4 * proper[word] and len(word) > 1:
        print(word, tags[word].most_common(1)[0][0])
