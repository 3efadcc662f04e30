"""Look-alike classes for ``bench_dedup_classes.py`` written as an adversary would: two documents that a careless
matcher takes for one, as real exports hold them. None of them should be linked (a possible pair is allowed).

* two first authors whose surnames are a letter or two apart (Zhang/Zheng, Liang/Jiang, Meyer/Mayer): a
  multi-centre trial's abstracts, one title, each centre's first author;
* one author's series of titles one word apart, the word a look-alike of opposite meaning (hypertension and
  hypotension, pre- and postoperative, men and women), another drug of one class (losartan and valsartan,
  atorvastatin and rosuvastatin), or another country (Austria and Australia, Iran and Iraq);
* the versions of a Cochrane review (one title and number, CD012345 and CD012345.pub2, a year or more apart):
  separate reports, the latest usually the one that counts;
* a trial's 1-year and 5-year follow-up; a guideline's 2019 and 2021 updates;
* a comment, a reply or a response titled "Comment on: <the article's title>";
* a record with nothing but a title (no authors, year or citation) that is the title of two documents;
* an editor's column with a generic title longer than a short one ("Introduction to the special issue").
* an abstract presented again at the next year's meeting; a trial's abstracts by one group, each centre's lead
  author first.
* an abstract presented again at the next year's meeting; a trial's abstracts by one group, each centre's lead author first.

The second record of most pairs lacks its volume, issue and pages (published online, or a database that does
not give them): then only the title, authors and year are left to tell the two apart, as in a real export.
"""

from __future__ import annotations

from dedup_class_tables import OTHER, change_class, first_authors_apart, one_word_apart, uncited  # noqa: E402

LOOK_ALIKE_SURNAMES = (("Zhang", "Zheng"), ("Zhang", "Chang"), ("Liang", "Jiang"), ("Huang", "Hwang"),
                       ("Meyer", "Mayer"), ("Meier", "Maier"), ("Hansen", "Hanson"), ("Johnson", "Johnston"),
                       ("Andersen", "Anderson"), ("Petersen", "Pedersen"), ("Schmidt", "Schmitt"), ("Smith", "Smyth"),
                       ("Nielsen", "Nilsen"), ("Wang", "Wong"), ("Li", "Lu"), ("Kim", "Kin"), ("Lee", "Li"),
                       ("Yang", "Yan"), ("Chen", "Chan"), ("Zhao", "Zhou"), ("Xiao", "Xiong"))
# (word, its look-alike of another meaning): a title with the first, another with the second.
OPPOSITES = (("hypertension", "hypotension"), ("hyperthyroidism", "hypothyroidism"), ("hyperglycemia", "hypoglycemia"),
             ("hyperkalemia", "hypokalemia"), ("preoperative", "postoperative"), ("prenatal", "postnatal"),
             ("men", "women"), ("male", "female"), ("increased", "decreased"), ("typical", "atypical"),
             ("unilateral", "bilateral"), ("smokers", "nonsmokers"), ("diabetic", "nondiabetic"),
             ("invasive", "noninvasive"), ("dependent", "independent"), ("agonist", "antagonist"),
             ("infection", "reinfection"), ("inclusion", "exclusion"), ("internal", "external"),
             ("preeclampsia", "eclampsia"), ("hyperoxia", "hypoxia"), ("intravenous", "intramuscular"),
             ("responders", "nonresponders"), ("symmetric", "asymmetric"), ("inferior", "superior"))
DRUGS = (("losartan", "valsartan"), ("atorvastatin", "rosuvastatin"), ("lansoprazole", "pantoprazole"),
         ("omeprazole", "esomeprazole"), ("citalopram", "escitalopram"), ("ketamine", "esketamine"),
         ("prednisone", "prednisolone"), ("dexamethasone", "betamethasone"), ("trastuzumab", "pertuzumab"),
         ("ofloxacin", "levofloxacin"), ("medetomidine", "dexmedetomidine"), ("cisplatin", "carboplatin"))
COUNTRIES = (("Austria", "Australia"), ("Iran", "Iraq"), ("Slovakia", "Slovenia"), ("Gambia", "Zambia"),
             ("Niger", "Nigeria"), ("Mali", "Malawi"), ("Kenya", "Uganda"), ("Sweden", "Sudan"),
             ("Guinea", "Guyana"), ("Dominica", "Dominican"))
GENERIC_TITLES = ("Introduction to the special issue", "Message from the editor-in-chief",
                  "Highlights of the annual meeting", "Editorial: the year in review",
                  "Guest editorial: introduction to this issue", "Letter from the president of the society",
                  "A note from the editors on this issue", "Acknowledgement of reviewers this year")


def _swap_word(rng, p, q, pairs) -> None:
    one_word_apart(rng, p, q, pairs, "{head} in {word} patients: a cohort study")


@change_class(OTHER, "first authors a letter apart, one title")
def _(rng, p, q):
    first_authors_apart(rng, p, q, LOOK_ALIKE_SURNAMES)


@change_class(OTHER, "one word a look-alike of opposite meaning")
def _(rng, p, q):
    _swap_word(rng, p, q, OPPOSITES)


@change_class(OTHER, "another drug of one class")
def _(rng, p, q):
    _swap_word(rng, p, q, DRUGS)


@change_class(OTHER, "another country")
def _(rng, p, q):
    ours, theirs = rng.choice(COUNTRIES)
    head = p.title.split(":")[0].split("?")[0]
    p.title, q.title = f"{head} in {ours}: a national survey", f"{head} in {theirs}: a national survey"
    uncited(q)


@change_class(OTHER, "versions of a Cochrane review")
def _(rng, p, q):
    number = f"CD{rng.randint(1000, 15000):06d}"
    p.title = q.title = p.title.split(":")[0].split("?")[0] + " for " + rng.choice(("adults", "children", "people"))
    p.journal = q.journal = rng.choice(("Cochrane Database of Systematic Reviews", "Cochrane Database Syst Rev"))
    # (versions a year or more apart: two in one year are rare, and a record without DOI or issue cannot tell them)
    p.volume, q.volume = str(p.year), str((p.year or 2000) + rng.choice((1, 1, 2, 3)))
    q.year = int(q.volume)
    p.issue, q.issue = str(rng.randint(1, 12)), rng.choice(("", str(rng.randint(1, 12))))
    p.pages = q.pages = number
    p.doi = f"10.1002/14651858.{number}.pub{rng.randint(2, 4)}"  # (the other database's record has no DOI)


@change_class(OTHER, "a trial's 1-year and 5-year follow-up")
def _(rng, p, q):
    head = p.title.split(":")[0].split("?")[0]
    later = rng.choice(("5", "five", "3", "three"))
    p.title = f"{head}: {rng.choice(('1', 'one'))}-year results of a randomized trial"
    q.title = rng.choice((f"{head}: {later}-year results of a randomized trial",
                          f"Long-term follow-up of {head.lower()}", f"{head}: long-term results"))
    q.year = (p.year or 2000) + rng.randint(0, 4)
    uncited(q)


@change_class(OTHER, "a guideline's 2019 and 2021 updates")
def _(rng, p, q):
    head = p.title.split(":")[0].split("?")[0]
    year = p.year or 2000
    p.title, q.title = f"{head}: {year} update", f"{head}: {year + 2} update"
    q.year = year + rng.choice((1, 2))
    uncited(q)


@change_class(OTHER, "a comment or reply titled with the article's title")
def _(rng, p, q):
    prefix = rng.choice(("Comment on: ", "Commentary on ", "Re: ", "Response to: ", "Reply to: ", "In reply to ",
                         "Letter to the editor regarding ", "Invited commentary: ", "Comment on "))
    q.title = prefix + (f'"{p.title}"' if rng.random() < 0.3 else p.title)
    if prefix.startswith(("Comment", "Invited", "Letter")) and rng.random() < 0.5:
        q.authors = [f"Costa, {chr(65 + rng.randrange(26))}."]
    else:
        q.authors = list(p.authors)  # the authors answer a letter about their paper
    uncited(q)


@change_class(OTHER, "a record with only a title")
def _(rng, p, q):
    # The title of an abstract (q) and of the later paper (p); the abstract's record lost all but its title.
    q.authors, q.year, q.journal = [], None, ""
    uncited(q)


@change_class(OTHER, "an editor's column with a generic title")
def _(rng, p, q):
    p.title = q.title = rng.choice(GENERIC_TITLES)
    p.authors, q.authors = p.authors[:1], p.authors[:1]
    q.issue = str(int(p.issue) % 12 + 1)
    q.pages = rng.choice(("", str(rng.randint(1, 900))))
    if not q.pages:
        q.volume = q.issue = ""


@change_class(OTHER, "an abstract presented again the next year")
def _(rng, p, q):
    # The first meeting's abstract without its citation (a database that gives none), the next year's with it.
    p.volume = p.issue = p.pages = ""
    q.year = (p.year or 2000) + 1
    q.issue, q.pages = rng.choice(("Suppl 1", "Supplement 2", "")), f"{rng.choice('AS')}{rng.randint(10, 300)}"


@change_class(OTHER, "a trial's abstracts, each centre's lead author first")
def _(rng, p, q):
    group = ["Okafor, C.", "Lindqvist, I.", "Moreau, L.", "Haddad, R."]
    p.authors = group
    q.authors = group[1:] + group[:1]  # the same group, another centre's lead first
    uncited(q)
