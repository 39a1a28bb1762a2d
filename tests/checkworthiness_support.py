"""Sentences written for the check-worthiness tests: three reported facts, three musings."""

WRITTEN_SENTENCES = [
    ("The ministry said 240 civilians were killed in the shelling of Kharkiv last week.", True),
    ("Inflation rose to 9.1 percent in June, the highest rate in four decades.", True),
    ("The company cut 1,200 jobs in Ohio after the plant closed in 2019.", True),
    ("I think we all want the same thing for our children, and we should say so.", False),
    ("Thank you all so much for being here tonight, it's wonderful to see you.", False),
    ("Let me tell you something about what I believe in.", False),
]
