#!/usr/bin/env python3
"""Builds a deterministic benchmark corpus of news-size files.

usage: gen_corpus.py OUT_DIR [FILES [BYTES_PER_FILE]]

Each file is a headline plus paragraphs, about half sampled from the seeds and
the clean fixtures (real copy, real artifacts) and half generated news-like
prose with scraper / machine-translation artifacts injected at a realistic rate
(roughly one per 2 KB).
"""
import os
import random
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

def paragraphs(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    return [p.strip() for p in text.split("\n\n") if p.strip()]

def pool():
    out = []
    for d in ("seeds", "tests/fixtures/clean"):
        full = os.path.join(ROOT, d)
        for name in sorted(os.listdir(full)):
            if name.endswith(".txt"):
                out.extend(paragraphs(os.path.join(full, name)))
    return out

PEOPLE = ["Maria Keller", "Tomasz Nowak", "Aisha Rahman", "Jean-Pierre Martin",
          "Kenji Watanabe", "Olga Petrova", "David Okafor", "Lucia Fernandez",
          "Henrik Larsen", "Fatima Zahra", "Samuel Adeyemi", "Ingrid Holm"]
ROLES = ["the finance minister", "a spokesperson for the ministry", "the mayor",
         "the central bank governor", "an opposition lawmaker", "the union leader",
         "a senior analyst", "the company's chief executive"]
PLACES = ["Brussels", "Nairobi", "Warsaw", "Lisbon", "Jakarta", "Ottawa",
          "Santiago", "Tbilisi", "Osaka", "Accra", "Helsinki", "Lyon"]
ORGS = ["the European Commission", "the World Bank", "the city council",
        "the national railway", "the health ministry", "the electoral commission",
        "the port authority", "the energy regulator"]
VERBS = ["announced", "confirmed", "rejected", "postponed", "approved",
         "criticised", "defended", "proposed"]
OBJECTS = ["a new budget for public transport", "plans to raise the minimum wage",
           "the merger of two regional hospitals", "a review of water tariffs",
           "emergency funding for farmers", "the reform of the pension system",
           "a ban on single-use plastics", "stricter rules for short-term rentals"]
WHEN = ["on Monday", "on Tuesday", "late on Wednesday", "on Thursday morning",
        "on Friday", "over the weekend", "earlier this month", "last year"]
NUMS = ["3.5 percent", "1,200 jobs", "€40 million", "$2.3 billion", "17 districts",
        "about 800 residents", "nearly 60,000 passengers", "12 percent"]

# Artifacts as they show up in scraped / machine-translated copy.
INLINE = [
    lambda s: s.replace(" and ", " &amp; ", 1),
    lambda s: s.replace("e", "Ã©", 1),
    lambda s: s.replace(" the ", " the the ", 1),
    lambda s: s.replace(". ", ".  ", 1),
    lambda s: s.replace(" ", " \u200b", 1),
    lambda s: s.replace(",", " ,", 1),
    lambda s: s.replace(" said", " <b>said</b>", 1),
    lambda s: s + "\\n",
    lambda s: s.replace(". ", ".The ", 1),
    lambda s: s.replace("!", "!!", 1) if "!" in s else s.replace(".", "..", 1),
]
LINES = ["Share this article", "Read more:", "Advertisement", "Comments are closed.",
         "Follow us on Twitter", "Subscribe to our newsletter",
         "https://example.com/news/2023/05/article-12345", "Photo: AFP",
         "Click here to read the full story", "Related articles"]

def sentence(r):
    who = r.choice(PEOPLE)
    kind = r.randrange(5)
    if kind == 0:
        return f"{cap(r.choice(ORGS))} {r.choice(VERBS)} {r.choice(OBJECTS)} {r.choice(WHEN)}."
    if kind == 1:
        return f"“We will not accept {r.choice(OBJECTS)},” {who}, {r.choice(ROLES)}, said in {r.choice(PLACES)}."
    if kind == 2:
        return f"The measure would affect {r.choice(NUMS)}, according to figures published by {r.choice(ORGS)}."
    if kind == 3:
        return f"{who} told reporters in {r.choice(PLACES)} that the decision had been {r.choice(VERBS)} without consultation."
    return f"Critics said the cost, estimated at {r.choice(NUMS)}, was too high, and that {r.choice(ORGS)} had ignored warnings."

def generated_paragraph(r):
    p = " ".join(sentence(r) for _ in range(r.randint(2, 5)))
    if r.random() < 0.15:
        p = r.choice(INLINE)(p)
    return p

def cap(s):
    return s[0].upper() + s[1:]

def headline(r):
    return f"{r.choice(PLACES)}: {cap(r.choice(ORGS))} {r.choice(VERBS)} {r.choice(OBJECTS)}"

def main():
    out = sys.argv[1]
    files = int(sys.argv[2]) if len(sys.argv) > 2 else 2000
    size = int(sys.argv[3]) if len(sys.argv) > 3 else 10_000
    os.makedirs(out, exist_ok=True)
    real = pool()
    r = random.Random(7)
    for i in range(files):
        parts = [headline(r)]
        used = set()
        n = len(parts[0])
        while n < size:
            if r.random() < 0.5:
                k = r.randrange(len(real))
                if k in used:
                    continue
                used.add(k)
                p = real[k]
            elif r.random() < 0.05:
                p = r.choice(LINES)
            else:
                p = generated_paragraph(r)
            parts.append(p)
            n += len(p.encode("utf-8")) + 2
        with open(os.path.join(out, f"{i:05}.txt"), "w", encoding="utf-8") as f:
            f.write("\n\n".join(parts) + "\n")

if __name__ == "__main__":
    main()
