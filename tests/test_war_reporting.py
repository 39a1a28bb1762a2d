"""Crawled-looking war reporting written for the verdicts bench (tests/fixtures/war_reporting/,
bench/eval_war_reporting.py), through the commands a user runs: `ingest`, `corroborate`, `ledger`.

Each set was read once as a first look (session 23) and then tuned on: set B suggested when two
outlets tell of one deed, the speakers' names are no names of the fact; a strike that "denied homes
power" denies nothing; "captured" and "seized" are one deed; a speaker parsed as an apposition still
speaks. Set A suggested place spellings in placement and a village that "had fallen". Set C
(session 24) suggested that coordinated clauses share the day and place said once for all ("Four
people were killed and at least 11 wounded when missiles struck Odesa early on Tuesday": the deaths
now conflict with another outlet's three killed that day), that a denial stating its deed finds the
story of that deed in its own event cluster even when their shared words are the cluster's topic,
and that "denied that, saying …" points back to the sentence before; sets A and B then that a
denial prefers, among stories worded like it, the one stating its deed ("struck" is "hit", a town
read by its gazetteer name). Set D was written in session 24 and read once after those changes
(bench/eval_war_reporting.py's docstring has its first look), then suggested two more: a denial's
fallback link needs no same-fact model, and a denial naming a place denies only mentions naming
it. Session 25 (all four sets tuned on): the names veto reads a town spelt two ways as one name and
"on Telegram" as no name; a menu word that is also a town ("Economy") no longer makes a page American
(Geneva had become Geneva, Illinois); "the governor said 38 people had been injured" tells of deaths'
kind, not of a statement. Set E was written in session 25 and read once after those changes (the
bench's docstring has its first look), then suggested: one deed in places far apart is two facts; two
figures of one count, one day and one town share a story (the contest); the day a speaker said it and
a place inside the speaker set nothing for coordinated clauses; "said the claims were false" denies.
Set F was written in session 26 and read once on the session's first code, then suggested: a figure
counted over one named area is not one counted over another ("34 drones over the Krasnodar region" /
"78 over Russian regions"); a party "liberating" a town captures it; a report called false after the
day of saying, "reports of X were false", a claim that "does not correspond to reality" or called
"fiction" is a denial; "the Russian claim" points back to what Russia's side said, not to the sentence
just before; "the town" on a denial's own page is the town it names. Set G, written in the same session,
was read once on its last code (the bench's docstring), then suggested: "dismissed the figure as
fiction" points back to the figure; "…, a claim Kyiv rejects" (a named party) denies; "We'll update
this blog", "This story is being updated" are furniture. Session 27 (all seven sets tuned on): a claim
telling one kind of deed anchors a story before a wire lead telling several; two claims telling different
kinds of deed (a toll and a fire, a launch and an outage) never share one; a speaker closing a sentence
speaks for each of its clauses, and what it added after ("…, adding that power was restored by
Wednesday") is no setting of them; a death toll "stood at nine" counts the killed. Set H, written at the
session's start, was read once on abb9851 (the bench's docstring), then suggested: a page dated after the
day it is read keeps its date; an agency named by its dateline ("KYIV, Jan 27 (Meridian Wire) -") is its
copies' origin, not Reuters for its "(Reporting by …; Editing by …)" line; reference marks ("….[2]") close a
sentence; "Note: … will not publish …" is furniture. Set I, written by another helper at the session's
start, was read once on the session's last code (104bc50): its misses are pinned below. Session 28 (sets A-I
tuned on): two stories giving two tolls of one town on one day from two outlets are rivals, both contested
with that contradiction (the wire lead's "killing three" and a city's "risen to four"); "the number of
people killed" counts the dead; a place said to be still held ("the village remains under Ukrainian
control") denies its capture; share bars are cut before extraction (set I's live blog had lost three posts).
Set J, written by a helper at session 28's start, was read once on d82ce2c (the bench's docstring), then
suggested: "There is no truth in this" answers the report before it; a live blog's "the village remains …"
answers its page's capture of a village before or after it; homes "without electricity" and homes that
"lost power" are one count; a region's count rivals a region's; one governor's rising toll is updates.
Set K, written at session 29's start and read once on 22c501b, then suggested (session 30): a toll told
with no town ("… has risen to 11, the city administration said") counts in the town its page sets it in
(the speaker's office, the paragraph, the page's one town); one page giving two named speakers' tolls
shows them at odds; a bare "31 wounded" counts the wounded; and, from sets D, G, I and J, an exchange's
bodies or prisoners one side got back are one count whether the receiver or the giver tells it.
Set L (written at session 30's end) and set M (written at session 31's start, read once first) then
suggested (session 31): one named official's figures of the dead or wounded are updates through the day,
and so is a figure its sentence tells as replaced ("initially reported two killed"); an item of a
breakdown ("four Iskander-M ballistic missiles …, two Kh-101 cruise missiles") is no count of the whole;
more residents dead than people killed is a contradiction; "still says" sets two figures at odds; a
quotation calling reports "lies" and reports "described as a staged provocation" deny; a denial is placed
by what it denies; Moscow's "Belozerka" and "Aleshki" are Bilozerka and Oleshky. Set N was written at
session 31's start by another helper and read once at its end. Set O (written at session 32's
start, read once first) then suggested: a page's outlet from the site name closing its title, dates read
as of the set's day, two facts set side by side with ", while" or two speakers' accounts across a
semicolon are two claims, a denial of "the ship" its page told of just before denies that telling, a
breakdown's items stay items whichever deed the reading lent each, one official's outage figures
through the day are updates, and crew members hurt are a toll like people. Set P, written during session 32
and read once on its code, then suggested: a part given as "including 17" is no rival of its whole, counts
stamped with two hours of the day are updates, and "while shelling of …" opens a clause of its own. Set
Q, written at session 33's start and read once on its first code, then suggested: a part cut from its
sentence keeps its own speaker, one kind of site hit in one town crosses event clusters, "the depot" is set
in the town told before, one outlet's two pages giving two speakers' extents of a fire are at odds, and a
report "by X that …" said to be false states what it denies.
These assertions hold what the
sets now get right and what they must never get wrong. Misses that stay: disputed tolls of sets A
and B shown as agreed (the two figures never share a story: one names no day, or the pages lie in
different event clusters), the Kremlin's denial of North Korean shelling sitting with residents'
reports of shelling (placing every denial by the same-fact model instead doubled PolNeAR's denied
stories, most of them wrong)."""

from __future__ import annotations

import json

import pytest

from bench import eval_war_reporting as bench
from claimdesk.store import Store

pytestmark = pytest.mark.slow

# what each set gets right now, at least: corroborated stories right, the key's denials found, its conflicts found
# (session 28: a story holding a figure another outlet disputes is contested now, not corroborated: G's
# corroborated right 8 -> 7 and H's 10 -> 9 are such stories, shown contested; session 30: tolls a page sets
# in its town and exchanges' handovers are rivals too: conflicts found 18 -> 28 over the sets, G's 1,000
# bodies story and K's Dnipro substation story are contested for the other figure their wire lead holds, I's
# exchange story holding a denial is contested, not denied)
# session 31: reports called "lies" or "described as a staged provocation" deny: J's denials found 5 -> 7, L's
# 6 -> 7
# session 32: a denial of "the depot" or "the ship" its page told of just before denies that telling (K's denials
# found 12 -> 22)
# session 34: a story of the claim's event cluster giving its figure of the same deed is a candidate whatever the
# words (C's "Across Ukraine, 71 drones were brought down overnight"; corroborated right C 6 -> 8, D, G and I one
# more); a report called false with what it told between ("called reports that Malynivka had been captured
# false"), a denial preferring the story it denies across clusters (I 9 -> 9, L 7 -> 9 denials); a night's count
# told alike crosses event clusters (H's Kremenchuk plant story of several facts loses a member: 9 -> 8); a part of
# a count is no figure of it and a qualified figure allows an exact one within a unit of its last digit (K 15 -> 16)
# session 38: a toll a page or a live post gives an hour or more after another page's, no lower, is the count grown
# whoever gives it (`contradictions.UPDATE_GAP`; the pages' and posts' published times, `ingest.page_times`): the
# conflicts D, F, G, H and L's keys draw between two offices' tolls told hours apart on one day (D's "killed three",
# the governor at 06:58 UTC / "killing four", the emergency services at 09:05) are no longer found (D 3 -> 1, F, G,
# H, L one fewer); AA's and Z's tolls told through the day leave contested. A count opening a sentence after a
# headline is counted ("… in Kharkiv\nNine people were killed"): J and S one conflict more
NOW = {"set_a": (10, 2, 2), "set_b": (9, 4, 1), "set_c": (8, 5, 2), "set_d": (7, 7, 1), "set_e": (8, 6, 1),
       # (session 39: G's ministry count of the Volgograd region's drones, "including 12", rivals its "17 drones
       # over the Volgograd region": one more conflict, one corroborated story contested)
       # session 45: F's conflicts 2 -> 1 (the ministry's night count, drones destroyed, left the terminal fire's
       # story and with it the other count it was contested by); AH's corroborated 11 -> 10 (see KNOWN_WRONG)
       "set_f": (7, 8, 1), "set_g": (7, 7, 2), "set_h": (8, 5, 4),
       # session 35: no one hurt told in other words is one fact (I's "No one was injured" / "There were no
       # casualties"), one named speaker's figure told twice (L)
       # (session 36: "says reports that its captain was detained are false" denies: K's denials 22 -> 24)
       "set_i": (14, 13, 2), "set_j": (14, 7, 4), "set_k": (17, 24, 4),
       # set L, read once at the end of session 30 (d138287: conflicts 4), tuned on in session 31
       # (session 32: "Regional authorities put the Odesa death toll at five, while the city administration said
       # seven people had died" is two claims now, each its speaker's; the first names no speaker, so the page
       # sets no two named accounts at odds: conflicts 3 -> 2)
       "set_l": (10, 9, 3),
       # set M, read once at session 31's start on its first code (corroborated right 9, denials 12, conflicts 1),
       # then tuned on; set N, read once at the session's end, after its changes (8, 9, 3; the session's first
       # code: the same), then one change (an army named "of Ukraine" after the prisoners): conflicts 4
       "set_m": (9, 12, 4), "set_n": (9, 12, 4),
       # set O, written at session 32's start and read once on its first code (1e232f2): corroborated right 3,
       # denials 5, conflicts 0, most pages undated (dated 2028, past htmldate's horizon) and unnamed (a site name
       # closing the title only); then tuned on (--as-of, site names from titles, clauses set side by side, "the
       # ship" its page told of, breakdowns whose items the reading gave two deeds, an official's outage figures
       # through the day, crew members hurt): corroborated right 3, denials 11, conflicts 2
       "set_o": (4, 12, 3),
       # set P, written during session 32 and read once on its commit 6b10351 (corroborated right 5, denials 6,
       # conflicts 1; the session's first code read it the same), then tuned on (a part "including 17" is no
       # rival of its whole, counts stamped with two hours of the day are updates, "while shelling of …")
       "set_p": (6, 11, 1),
       # set Q, written at session 33's start by a helper blind to the code and the other sets, read once on the
       # session's first code (6f15a52) and on f29cc76 (after the session's changes chosen on A-P), alike:
       # corroborated right 4, wrong 2; contested right 2, wrong 3; denials 3 of 10; conflicts 1 of 7; then tuned
       # on (a cut sentence's part keeps its own speaker, a misparsed sentence after it keeps its claim, one kind
       # of site hit in one town crosses event clusters, "the depot" / "the blaze" set in the town told before,
       # a fire's area and hours compared, one outlet's two pages giving two speakers' extents at odds)
       "set_q": (6, 7, 3),
       # set R, written at session 34's start by a helper blind to the code and the other sets, read once on the
       # session's first code (e1a8dff) and on 20:00's code (the figure candidates chosen on A-Q), alike:
       # corroborated right 5, wrong 4; contested right 8, wrong 2; denied right 1, wrong 1; denials 5 of 19;
       # conflicts 2 of 9; false-friend denials 2 of 10; then tuned on (captures of one town crossing clusters,
       # denials: "called reports that … false", "reports on Telegram channels that", "- a claim Ukraine's air
       # force rejected as \"pure fiction\"", damage denying a strike, a suggestion to do something refused; the
       # wire's own page dated by its "June 13, 2028 10:42 AM" line and its "(Eastwire)" dateline, so its copies
       # no longer count as its original)
       "set_r": (7, 19, 7),
       # set S, written during session 34 by a helper blind to the code and the other sets, read once on the
       # session's first code (e1a8dff) and on 20:30's code (after the changes chosen on A-R), alike but for two
       # unscored stories: corroborated 3 right, 3 wrong; contested 0 right, 1 wrong; denied 2 right; found 3 of 8;
       # conflicts 0 of 6; denials 6 of 12; then tuned on (pages dated by their own stamp elements, a part of a
       # count no figure of it, a qualified figure allowing an exact one, "Originally published by …" furniture)
       # (session 35: the next round of Geneva talks dated 4 and 11 September by the two sides, rivals: conflicts 1 -> 3)
       "set_s": (6, 6, 4),
       # sets T and U, written at session 35's start by two helpers blind to the code and the other sets, read once
       # on the session's first code (0019060): T corroborated right 12, wrong 1, unscored 1; found 11 of 13;
       # contested right 3, wrong 1; denied right 2, unscored 1; denials 12 of 18; conflicts 3 of 6. U corroborated
       # right 10 of 10; found 10 of 15; contested right 8; denied right 4; denials 17 of 17; conflicts 0 of 9 (the
       # governor's 14 and the city head's 17 are rival stories, but not with the quotes the key pairs). Then tuned
       # on T and U (no one hurt told in other words, one speaker's figure told twice, "a cynical lie", a day declared
       # a day of mourning is to come): T denials 18, U corroborated right 12, found 12, conflicts 1
       # (session 41: bombs on "the central market" of the page's Sumy rival the city head's on "the Central Market in
       # Sumy", so the two stories leading with the strike and holding the disputed count are contested: conflicts
       # 1 -> 3, corroborated right 12 -> 10; the key calls the strike corroborated and its bomb count contested)
       "set_t": (12, 18, 4), "set_u": (10, 17, 3),
       # set V, written during session 35 by a third blind helper, read once on eb93a57 (after the changes chosen
       # on A-U): corroborated right 12, wrong 2, unscored 3; found 12 of 13; contested right 1, wrong 1 (a think
       # tank's background toll of an earlier strike rivalling the day's, gone since); denied right 5; denials 25 of
       # 25; conflicts 0 of 6 (the railway's "two of its employees" against the governor's "three people")
       "set_v": (12, 25, 0),
       # sets W and X, written at session 36's start by two helpers blind to the code and the other sets, read once
       # on the session's first code (3ba92fc): W corroborated right 9, wrong 8; found 9 of 16; contested right 2,
       # wrong 6 (one governor's injured rising 1 -> 5 -> 9 told by him and by "the regional administration"); denied
       # right 2, wrong 1; denials 19 of 25; conflicts 2 of 8; one furniture claim. X corroborated right 7, wrong 3,
       # unscored 2; found 7 of 16; contested right 8, wrong 3; denied right 2; denials 14 of 25; conflicts 1 of 9;
       # three furniture claims. Then tuned on (a region's administration speaks for its governor, a surname the
       # page named in full gives a figure, "has updated the toll:", "no fewer than", "one Iskander-M ballistic
       # missile", "says reports that … are false", a site's appeal and reuse notice): W contested wrong 4, denied
       # right 3, corroborated right 9 (a denial of the captain's detention now sits with the port strike it is
       # nearest to by words, the story it denies being worded apart); no furniture claim in either
       "set_w": (10, 25, 4), "set_x": (8, 14, 3),
       # sets Y and Z, written at session 37's start by two helpers blind to the code and the other sets, read once on
       # the session's first code (08d25f8): Y corroborated right 9, wrong 5, unscored 1; found 9 of 12; contested
       # right 7, wrong 3; denied right 4; conflicts 2 of 7; denials 18 of 25; three furniture claims (a wire's
       # credit line, a mirror's note, a live page's close). Z corroborated right 4, wrong 5; found 4 of 10;
       # contested right 1, wrong 13 (Kyiv's toll rising over two days, told by the mayor, the city's military
       # administration and the emergency service); denied right 3, wrong 2; conflicts 1 of 8; denials 10 of 22.
       # Then tuned on (a toll a later day's page gives higher is the count grown, drones shot down are no count of
       # those launched, "denied that any aircraft were damaged" against "destroying six aircraft", "the Russian
       # MoD", reports called false in other words, "the left bank of the Dnipro", the furniture lines as stored)
       "set_y": (11, 18, 2), "set_z": (5, 14, 2),
       # sets AA and AB, written mid-session 37 by two more blind helpers, read once on the session's last code
       # (c20f895): AA corroborated right 12, wrong 4; found 11 of 15; contested right 7, wrong 9; denied right 4;
       # conflicts 2 of 9; denials 23 of 24; one false-friend denial, one look-alike join. AB corroborated right 6,
       # wrong 4; found 6 of 13; contested right 2, wrong 7; denied right 4, wrong 2; conflicts 2 of 9; denials 22 of
       # 24; five furniture claims. Then (tuning): "Russia's claim to have captured Synkivka is false" denies (AA
       # corroborated wrong 3), a closed live blog, a disclaimer and appeals for support and tips are furniture
       # (session 40: AA's 212 evacuated against "more than 260 people were taken out of the villages" and AB's
       # drones "over the Republic of Crimea" against "over Crimea" are at odds: conflicts AA 2 -> 4, AB 2 -> 3; AA's
       # sentence of the 212 and the 37 children among them, one story, is contested for the 212)
       # (session 44: AB's ab14 page now places "Russian shelling of Kherson"; the wrong denied story of Dovhan's
       # seven dead, which held the bus strike's denial quotes, is a contested story of the toll: its denials 22 -> 16)
       "set_aa": (12, 23, 5), "set_ab": (7, 16, 3),
       # sets AC and AD, written at session 38's start by two more blind helpers, read once on the session's first
       # code (18a508c): AC (Sumy's school and clinic hit by guided bombs, the injured rising 5 -> 23 through the day,
       # border villages evacuated, a Kursk depot strike Moscow denies, an exchange counted two ways) corroborated
       # right 6, wrong 4; found 6 of 15; contested 5, all wrong (the rising toll); denied right 5, wrong 1;
       # conflicts 0 of 9; denials 23 of 23; two look-alike joins. AD (western Ukraine's gas storage struck, Poland's
       # jets and airports, a drone's debris in Romania Russia disowns, households without power falling through
       # the day) corroborated right 12, wrong 4; found 10 of 16; contested 1, wrong; denied right 7, wrong 2;
       # conflicts 0 of 9; denials 19 of 23; one look-alike join; two furniture claims. On the session's last code
       # (1811b33, nothing chosen on them): AC corroborated right 9, wrong 5, found 9, no contested story; AD
       # corroborated right 14, wrong 4, found 10; the rest as before. Then (tuning on AD): a live page's welcome
       # ("Welcome to KNN's live coverage.") and its team's promise of updates are furniture (AD's two claims gone);
       # (tuning on AA and AC) one day's evacuations from villages no word names rival each other (AC's 1,200 against
       # "about 740": conflicts 0 -> 1); (tuning on AD) "denied a Ukrainian Air Force claim that …" is a denial though
       # the parser reads "claim" as a verb (AD's denials 19 -> 23 of 23); (tuning on AC) bombs dropped on a town and
       # bombs it was struck with are one count (AC conflicts 1 -> 4)
       # (session 39: AC conflicts 4 -> 6, the Kursk governor's drones and the ministry's; AD corroborated right 14 ->
       # 12: Zakhid Today's page, dated now by its breadcrumb, splits the governor's rising injured count in two
       # stories, each of one origin; AD conflicts 0 -> 2 and W's 3 -> 4: one event's clock times told an hour and
       # more apart, the airport's reopening and the port attack's start, are a contradiction)
       "set_ac": (9, 23, 6), "set_ad": (14, 23, 4),
       # sets AE and AF, written at session 39's start by two more blind helpers, read once on the session's first
       # code (798f7aa): AE (Izmail's grain terminal and a foreign ship hit by drones, the injured crew counted three
       # or four, drone debris in Romania Moscow denies, a Chernihiv elevator hit by two or three drones, a Bryansk
       # depot fire its governor calls fake) corroborated right 7, wrong 5; found 6 of 14; contested 1, wrong;
       # denied right 7, wrong 2; conflicts 1 of 7; denials 26 of 26; one furniture claim (a live page's zone note);
       # 16 fact quotes lost (headings of live posts, a wire's "UPDATE 1-" title line, a standfirst, captions). AF
       # (Dnipro's children's hospital and an office block hit, mayor 9 against police 7 dead at 18:00, a Kryvyi Rih
       # strike the same evening, the Ryazan refinery Moscow says was not hit) corroborated right 12, wrong 4; found
       # 12 of 16; contested right 4, wrong 6; denied right 3; conflicts 3 of 9; denials 16 of 25; five furniture
       # claims (a video player's note, reader-funded appeals, a partner-content disclaimer). Then (tuning on them
       # and on the thirty): those furniture lines; a page dated by a day in dots, a breadcrumb or a stamp line of no
       # class; a region's part of the ministry's drones against the region's count; a toll put at a figure
       "set_ae": (5, 26, 2),
       # AF (session 41): the mayor's three missiles that struck "the city" rival the air force's two, so the story
       # leading with the strike and holding the mayor's count is contested (its key calls the strike corroborated)
       "set_af": (10, 25, 4),
       # sets AG and AH, written at session 40's start by two more blind helpers, read once on the session's first
       # code (0bb798e): AG (a bulk carrier hit off Pivdennyi, its crew's dead and injured counted by the port
       # authority and the governor, Moscow's weapons claim, Izmail's silo, Mykolaiv's substation, a UAE exchange, a
       # claimed capture) corroborated right 9, wrong 7; found 9 of 14; contested right 4; denied right 8, wrong 2;
       # conflicts 2 of 9; denials 23 of 23; 5 fact quotes lost (a live page's headline, a trade site's paragraphs
       # after a list). AH (drones on the Saratov refinery and a Bryansk depot, glide bombs on a Kharkiv hospital, a
       # Sumy evacuation, a claimed Patriot hit) corroborated right 11, wrong 3; found 11 of 13; contested right 6,
       # wrong 1; denied right 3, wrong 1; conflicts 2 of 8; denials 23 of 25; one furniture claim (a live page's
       # greeting); 4 quotes lost (captions, live posts' headings). Then (tuning on them and the thirty-two): grain
       # destroyed by weight in the page's town, "one crew member" counts members, men are a man's count, patients
       # moved are evacuated, "the grounds of" a hospital are the hospital's
       # (AG then: the shipowner's "struck by a Russian missile" is no Russian claim, so "the Russian allegation is
       # an absolute lie" answers Moscow's weapons claim, not the strike: corroborated right 9 -> 10; a live page
       # running newest first answers with "denied this" the post below it: AG's wrong denied stories 1 -> 0)
       # (AH, session 43: 23 -> 20 denials, as the Kremlin's denial that Russia struck a hospital no longer denies the
       # story of the drones destroyed over nine regions, which held one of the hospital's mentions: a strike denied
       # names its thing, "a hospital")
       "set_ag": (10, 23, 4), "set_ah": (10, 20, 5),
       # sets AI and AJ, written at session 41's start by two more blind helpers, read once on the session's first code
       # (2ad809b): AI (ballistic missiles on Poltava's university and a shopping street, the mayor's, the regional
       # administration's and the police's tolls, Moscow's "mercenary centre" called a lie, a Voronezh depot's burning
       # tanks, a claimed general's death denied, Kremenchuk's outage) corroborated right 10, wrong 6; found 10 of 14;
       # contested right 10; denied right 4; conflicts 4 of 8; denials 22 of 24; one quote lost (a caption). AJ
       # (glide bombs on Kherson's island districts and bus station, the governor's and the prosecutor's injured,
       # evacuees counted by the city and by volunteers, a Crimean bridge and ferry attack with Moscow's two drone
       # counts, a HIMARS claim called fake, the IAEA on Zaporizhzhia) corroborated right 9, wrong 5; found 9 of 14;
       # contested right 1, wrong 1; denied right 5, wrong 3; conflicts 1 of 9; denials 25 of 25; three furniture
       # claims (a live page's greeting, a free site's appeal). Then (tuning on them and the thirty-four): weapons
       # that struck "the city" a page is set in, a speaker standing by his figure, tanks caught fire or set ablaze,
       # districts named alike, "over the peninsula" on a Crimean page, a source's house ("in Ukraine's SBU") no place
       # of the event, a yearless dateline dated by the copyright line and the weekday, "half a dozen"
       "set_ai": (11, 22, 7),
       # (AJ then: "rejected the accusation" answers the plant management's blame, not the IAEA's sentence above it
       # on its page, which sits in a sibling story: corroborated right 8 -> 9)
       "set_aj": (9, 25, 6),
       # sets AK and AL, written at session 42's start by two more blind helpers, read once on the session's first code
       # (d0f0507): AK (ballistic missiles on a Kharkiv apartment block and printing works, the mayor's and the governor's
       # tolls at odds all day, the night's launches counted by each side, a Belgorod depot hit or only "debris", an
       # exchange counted 205 or 190, Sumy's outage counted twice) corroborated right 9, wrong 6; found 8 of 12;
       # contested right 8, wrong 2; denied right 2, wrong 3; conflicts 0 of 8; denials 14 of 25; three furniture
       # claims (a live page's sign-off, a partner disclaimer). AL (a claimed capture near Pokrovsk denied, the Ryazan
       # refinery's drones and injured counted by the governor and an SBU source, outages in two western regions, a
       # drone over Poland Russia disowns, Nikopol's wounded rising) corroborated right 13, wrong 7; found 13 of 15;
       # contested right 2; denied right 3, wrong 1; conflicts 2 of 8; denials 19 of 24; two furniture claims. Then
       # (tuning on them): a regional governor's toll "of the city" counted in the city, a site named after its town
       # places it, two offices' tolls on one live page at odds, weapons a strike was carried out with are those
       # fired, a power cut "to" households, a toll "cited", injuries received, one story's figures of two towns apart
       "set_ak": (9, 14, 2), "set_al": (13, 19, 3),
       # set AM, written late in session 42 by a third blind helper and read once on the session's last code (2c73f05,
       # nothing chosen on it, not tuned on): Odesa's port and a Peresyp apartment block struck, the regional and city
       # administrations' tolls, a grain ship's injured crew counted by the port authority and the owner, a patrol boat
       # hit the Black Sea Fleet calls fake, a Kursk airfield's aircraft damaged or not, Mykolaiv's outage counted twice
       # session 45: the ministry's "destroyed 23 Ukrainian drones over the Kursk region" is an interception now and joins its
       # fellows; the denial of the airfield's aircraft, said in the same sentence, goes with it (7 -> 6)
       "set_am": (6, 22, 3),
       # sets AN and AO, written at session 43's start by two more blind helpers, read once on the session's first code
       # (fb83f1c): AN (a Chernihiv hotel and dormitory struck, the city's and the region's tolls at noon, a border
       # town shelled, Bryansk's drones counted by the ministry and the governor, a depot fire the governor first
       # denies, a claimed capture Kyiv rejects, 909 bodies or 1,000) corroborated right 12, wrong 7; found 13 of 18;
       # contested 4 / 1; denied 6 / 0; conflicts 2 of 9; denials 28 of 28. AO (a Kramatorsk café and rail depot, a
       # Sloviansk boiler house, evacuees counted by two offices, a Yeysk airfield Moscow says was undamaged, a
       # claimed capture near Lyman, an exchange told as 117 and 115) corroborated 12 / 6; found 12 of 22; contested
       # 3 / 6; denied 3 / 1; conflicts 1 of 8; denials 17 of 24. Then (tuning on AN, AO held out): harm said not done
       # is a denial, a figure another office gave earlier is no figure replaced: AN contested 7 / 2, corroborated
       # 12 / 3, conflicts 4 of 9. AO read once more on the session's last code: corroborated 12 / 6, contested 3 / 6,
       # denied 2 / 1, conflicts 1 of 8, denials 17 of 24 (24 of 24 midway, before a review narrowed the harm
       # words; not chosen on)
       "set_an": (12, 28, 4), "set_ao": (12, 17, 3),
       # sets AP and AQ, written at session 44's start by two more blind helpers, read once on the session's first code
       # (49cfc93): AP (Zaporizhzhia's plant and kindergarten struck, the administration's and the city council's
       # tolls through the day, Orikhiv shelled twice, Enerhodar's outage, a Melitopol depot blast told as sabotage and
       # as a gas cylinder, a HIMARS claim called fake, 157 or 152 freed) corroborated 12 / 3, found 13 of 23,
       # contested 4 / 7, denied 2 / 1, conflicts 3 of 9, denials 17 of 31; AQ (a Lviv power plant and a historic
       # building, Lutsk and Rivne, two sides' missile counts, a missile over Poland Moscow denies, Belgorod's tolls
       # at odds, an airbase Moscow calls undamaged) corroborated 11 / 4, found 8 of 19, contested 8 / 11, denied
       # 2 / 1, conflicts 4 of 9, denials 28 of 29. Then (tuning on AP, AQ held out): a denial stating what it denies
       # reaches stories grouping kept apart, "claimed that reports of … were fabricated", a town shelled though spaCy
       # calls it a person: AP corroborated 14 / 3, contested 3 / 5, denied 4 / 1, denials 20 of 31. AQ read once more
       # on the session's last code: the same as its first look
       "set_ap": (14, 20, 3), "set_aq": (11, 28, 4),
       # sets AR and AS, written at session 45's start by two more blind helpers, read once on the session's first code
       # (ecc0ea7): AR (Odesa's ports, Izmail and Chornomorsk struck, a grain terminal and a ship hit, grain lost
       # counted 11,000 or 17,000 tonnes, a sea-drone hit Moscow denies, Romania's debris at one site or two)
       # corroborated 15 / 4, found 13 of 21, contested 4 / 3, denied 5 / 1, conflicts 5 of 8, denials 19 of 29;
       # AS (Dnipro's bus station and machine plant, the region's and the mayor's tolls at odds, Pavlohrad and Kryvyi
       # Rih shelled, a village's capture Kyiv rejects, a Voronezh depot the governor downplays) corroborated 14 / 4,
       # found 15 of 20, contested 3 / 5, denied 7 / 0, conflicts 4 of 8, denials 36 of 36. AS was held out and read
       # once more on the session's last code (a10f3cf): the same; AR on it: the same
       "set_ar": (15, 19, 5), "set_as": (14, 36, 4),
       # sets AT and AU, written at session 46's start by two more blind helpers, read once on the session's code
       # (a0f8945; its changes touch no verdict): AT (Poltava's apartment block and the Kremenchuk refinery struck,
       # the regional administration's and the emergency service's tolls through the day, Moscow's claim of jets
       # destroyed at Myrhorod that Kyiv denies, a Ryazan refinery fire the governor calls small) corroborated 15 / 3,
       # found 15 of 20, contested 3 / 7, denied 3 / 0, conflicts 5 of 9, denials 14 of 20; AU (Kherson's market,
       # hospital and tram depot shelled, evacuees counted by the city and the region, a boat landing group Moscow
       # claims destroyed and Kyiv denies, Oleshky struck, a ferry halted) corroborated 8 / 6, found 8 of 14,
       # contested 0 / 4, denied 1 / 0, conflicts 0 of 8, denials 10 of 17. AU is held out
       # session 47: "about 3,000 square metres" allows what rounds to 3,000, not the emergency service's 2,400: AT's
       # fire areas at odds are found (conflicts 5 -> 6), N gains two contested stories its key calls contested; one
       # day's count of workers or crew members harmed is compared wherever told (`rivals.harmed_staff`): AD's
       # conflicts 2 -> 4, AG's 3 -> 4, AL's 2 -> 3
       # session 48: AU to AY became tuning sets (each had been read once as held out); a count of what the day's
       # strike damaged or moved out in the town a page is set in rivals another office's (`rivals._counted`): AU's
       # trams damaged (conflicts 0 -> 2), AW's children moved out of a hospital (0 -> 2)
       "set_at": (15, 14, 6), "set_au": (8, 10, 7),
       # sets AV and AW, written at session 47's start by two more blind helpers, read once on main 86204d1 (the
       # session changed no verdict after it) and held out: AV (Nikopol shelled across the Dnipro from the occupied
       # nuclear plant, a power line feeding the plant cut and each side blaming the other, the nuclear watchdog's
       # inspectors' account, drones on a village in Russia's Kursk region) corroborated 17 / 8, found 13 of 19,
       # contested 1 / 0, denied 1 / 1, conflicts 1 of 9, denials 6 of 19; AW (drones and glide bombs on Chernihiv
       # and Sumy regions: a thermal power plant, a railway station and a delayed evacuation train, a children's
       # hospital, Moscow's claim of a military depot at the station that Kyiv denies, Ukraine's drones on an
       # airfield in Russia's Bryansk region) corroborated 20 / 7, found 18 of 21, contested 0 / 3, denied 2 / 3,
       # conflicts 0 of 8, denials 36 of 36
       "set_av": (17, 6, 2), "set_aw": (20, 36, 5),
       # sets AX and AY, written midway through session 47 by two more blind helpers, read once on main 1905d52 (no
       # verdict rule changed that session) and held out: AX (glide bombs and drones on Zaporizhzhia and Orikhiv, an
       # aid convoy hit on the road between them, evacuation buses counted by the region and a volunteer group, a
       # village near Orikhiv Moscow claims and Kyiv denies, a fuel depot in occupied Berdiansk) corroborated 9 / 6,
       # found 8 of 18, contested 2 / 4, denied 5 / 2, conflicts 0 of 9, denials 32 of 32; AY (a Kryvyi Rih mining
       # plant struck and miners trapped, rescuers' and the company's counts of miners brought up, drones on Dnipro's
       # riverside, a training ground Moscow claims hit and Kyiv denies, a sea-drone attack near Novorossiysk)
       # corroborated 14 / 7, found 13 of 19, contested 0 / 2, denied 2 / 2, conflicts 0 of 8, denials 32 of 32
       "set_ax": (9, 32, 0), "set_ay": (14, 32, 0),
       # sets AZ and BA, written at session 48's start by two more blind helpers and held out: first read on main
       # 4b18205, then once more on the session's last code (nothing was chosen on them). AZ (missiles and drones on
       # Mykolaiv: a shipyard, a bridge and a water pumping station, the city's and the region's counts of people
       # without water at odds, Ochakiv shelled, a patrol boat Moscow claims sunk and Kyiv denies, a Crimean
       # airfield struck) corroborated 20 / 4, found 15 of 21, contested 0 / 0, denied 3 / 2, conflicts 0 of 8,
       # denials 27 of 27, then 19 / 3, 15 of 21, 2 / 1, 3 / 2, conflicts 2 of 8; BA (ballistic missiles on
       # Kramatorsk's railway station crowded with evacuees, a school and a Sloviansk hotel, the region's and the
       # national police's tolls at odds, a village near Kostiantynivka Moscow claims and Kyiv denies, Belgorod's
       # border villages shelled) corroborated 17 / 0, found 17 of 20, contested 3 / 1, denied 4 / 2, conflicts 3
       # of 9, denials 37 of 37, the same on the last code
       "set_az": (19, 27, 3), "set_ba": (17, 37, 3),
       # sets BB and BC, written at session 49's start by two more blind helpers and held out: first read on main
       # 7962fee (the session's first code), then once on its last code (nothing was chosen on them). BB (drones and
       # missiles on Zhytomyr: a hospital, a substation and apartment blocks, Moscow's claim of an airfield and a
       # military plant hit) corroborated 11 / 5, found 10 of 22, contested 0 / 8, denied 1 / 1, conflicts 0 of 8,
       # denials 27 of 27; BC (guided bombs on Sumy region's border villages over two days, children evacuated, a
       # water plant hit, a village Moscow claims captured and Kyiv denies) corroborated 12 / 11, found 9 of 19,
       # contested 1 / 0, denied 2 / 0, conflicts 3 of 8, denials 8 of 17; the same on the last code. Tuning sets
       # since session 50: BB's patients moved (the city council's 140, the ministry's 112) rival, what remains of
       # the power cut and the morning's lower toll are readings (corroborated 11 -> 16, conflicts 0 -> 1)
       "set_bb": (16, 27, 2), "set_bc": (12, 8, 3),
       # sets BD and BE, written at session 50's start by two more blind helpers and held out: first read on main
       # e1ab9e3 (the session's first code), then once on its last code (nothing was chosen on them). BD (a night attack
       # on Dnipro: a chemical works' toxic smoke, a bus depot and an apartment block, Nikopol shelled, the region's and
       # the mayor's tolls and the buses destroyed at odds) corroborated 16 / 4, found 15 of 20, contested 5 / 1,
       # denied 4 / 0, conflicts 2 of 8, denials 15 of 15; BE (Kherson's aid distribution point and a ferry crossing
       # shelled, riverside districts evacuated, Moscow's claimed river crossing repelled) corroborated 14 / 5, found
       # 14 of 17, contested 1 / 2, denied 1 / 0, conflicts 2 of 12, denials 9 of 20; the same on the last code
       # session 51: figures a page sets against each other in a reporter's words ("Regional police put the death
       # toll at two", "The city's own figure was about 350", "however … at the same hour"; `corroborate.at_odds`):
       # conflicts AA 4 -> 5, AO 1 -> 3, AU 2 -> 7, AV 1 -> 2, BB 1 -> 2, BD 2 -> 4, BE 2 -> 5, O 2 -> 3, AW 2 -> 3 ("the
       # number of destroyed buses" names its count); AE's and BB's facts no longer split between a corroborated and a
       # contested story, AW's F15 does instead of F17 (KNOWN_TWO_VERDICTS)
       "set_bd": (16, 15, 4), "set_be": (14, 9, 5),
       # sets BF and BG, written at session 51's start by two more blind helpers and held out: first read on main
       # 9bcd576 (the session's first code), then once on its last code (nothing was chosen on them). BF (missiles and
       # drones on Poltava region: Kremenchuk's refinery, a gas compressor station, a Poltava apartment block, a bridge
       # over the Vorskla; Myrhorod's airfield Moscow claims and Kyiv denies) corroborated 10 / 6, found 12 of 17,
       # contested 5 / 2, denied 6 / 0, conflicts 3 of 9, denials 29 of 29, the same on the last code; BG (long-range
       # strikes on western Ukraine: Lviv's rail yard and warehouses, Burshtyn's power plant, Lutsk and Kovel, Moscow's
       # claimed foreign weapons depot) corroborated 15 / 3, found 17 of 20, contested 3 / 1, denied 4 / 0, conflicts
       # 1 of 12, denials 18 of 18; on the last code contested 4 / 1, conflicts 2 of 12 (AZ, read once more: 2 -> 3)
       "set_bf": (11, 29, 3), "set_bg": (15, 18, 5),
       # session 52 (BF and BG made tuning sets): written from them, "calls this a lie" denies the claim it points
       # back to, a region's bare "own figure of nine" and "said at the same time that" answer the figure before,
       # an office's toll "risen to seven" and its higher figure are its count grown on: BF corroborated 10 -> 11, BG
       # conflicts 2 -> 5 (no other set moved); then a happening's figure told by its noun ("Ukrzaliznytsia maintains
       # the delay was about four hours", "put the delay at") answers the figure of that happening before it: AW
       # conflicts 3 -> 5
       # sets BH and BI, written at session 52's start by two more blind helpers and held out: first read on main
       # d200715 (the session's first code), then once on its last code (nothing was chosen on them), alike. BH
       # (missiles and drones on Chernihiv region: a city hospital and the heat and power plant, Nizhyn's rail depot, a
       # border village evacuated; the regional administration and the city council at odds on the injured and on
       # homes without heating) corroborated 12 / 3, found 13 of 19, contested 4 / 0, denied 4 / 1, conflicts 2 of 9,
       # denials 17 of 17; BI (strikes on Khmelnytskyi and Vinnytsia regions: an airfield Moscow claims and Kyiv
       # denies, a nuclear plant's cut line and its diesel hours at odds, a shopping centre fire's injured at odds)
       # corroborated 11 / 7, found 13 of 19, contested 3 / 1, denied 2 / 0, conflicts 2 of 10, denials 20 of 20
       "set_bh": (12, 17, 3), "set_bi": (11, 20, 5),
       # session 53 (BH and BI made tuning sets): written from them, "up to" tells the figure a count reached
       # ("about 12,000" / "up to 40,000" households disagree), homes without heating are another count than homes
       # without power, households told "disconnected" are cut off, a plant's hours on backup generators are one count
       # however told, and "puts the figure at 61,000 households" / "said the figure was" answer the count before: BH
       # conflicts 2 -> 3, BI 2 -> 5; AQ's heat plant lead, with its homes without heating, is no longer contested
       # sets BJ and BK, written at session 53's start by two more blind helpers and held out: first read on main
       # cc43b10 (the session's first code), then once on its last code (nothing was chosen on them). BJ (drones and
       # missiles on Cherkasy and Kropyvnytskyi: a grain elevator and a river port, a bus station, a water utility cut
       # off; the region and the emergency service at odds on the dead and on the hours without water; an ammunition
       # depot Moscow claims and Kyiv denies) corroborated 15 / 4, found 16 of 18, contested 7 / 0, denied 4 / 0,
       # conflicts 2 of 9, denials 22 of 22; BK (missiles and drones on Ternopil and Chernivtsi: a fuel depot burning
       # for two days, a block collapsed with people under the rubble, the city council and the emergency service at
       # odds on those pulled out and the missing; a foreign weapons warehouse Moscow claims and Kyiv denies)
       # corroborated 14 / 7, found 14 of 21, contested 0 / 4, denied 5 / 0, conflicts 0 of 9, denials 16 of 16
       "set_bj": (15, 22, 2), "set_bk": (14, 16, 0),
       }


@pytest.fixture(scope="module", params=sorted(NOW))
def scored(request, tmp_path_factory) -> tuple[str, dict, dict]:
    name = request.param
    folder = bench.SETS / name
    key = json.loads((folder / "key.json").read_text("utf-8"))
    db = f"sqlite:///{tmp_path_factory.mktemp('war') / f'{name}.sqlite'}"
    bench.run("ingest", *bench.ingest_args(folder, key, db))
    bench.run("corroborate", "--db", db)
    ledger = json.loads(bench.run("ledger", "--db", db, "--format", "json"))
    docs = bench.documents_by_file(Store(db), folder)
    doc_files = {doc_id: file for file, (doc_id, _) in docs.items()}
    keyed = bench.keyed_text(key, docs, bench.titles_by_file(Store(db), folder))
    result = bench.evaluate(key, ledger, keyed, doc_files)
    return name, key, result | {"ledger": ledger, "doc_files": doc_files}


# standfirsts the reader drops with the page's furniture (set E's key quotes them; the body restates them)
KNOWN_LOST = {# sets AN and AO (session 43): captions, a live page's standfirst, headlines set in a page's body
            "set_an": ["an05.html: Russian drones and missiles hit the northern Ukrainian city overnight; follow our live "
                       "coverage of the rescue operation and reactions.",
                       "an08.html: Seven people were killed and 26 injured, four of them children, when Russian drones and "
                       "missiles hit a hotel and a student dormitory in the northern Ukrainian city.",
                       "an01.html: Rescuers work at the damaged Hotel Desnianka in Chernihiv.",
                       "an08.html: Seven people were killed and 26 injured, four of them children, when Russian drones and "
                       "missiles hit a hotel and a student dormitory in the northern Ukrainian city.",
                       "an08.html: Seven people were killed and 26 injured, four of them children, when Russian drones and "
                       "missiles hit a hotel and a student dormitory in the northern Ukrainian city.",
                       "an09.html: The dormitory on Lisova Street after the strike.",
                       "an08.html: Seven people were killed and 26 injured, four of them children, when Russian drones and "
                       "missiles hit a hotel and a student dormitory in the northern Ukrainian city.",
                       "an13.html: Russia received the bodies of 41 of its own soldiers in return, Ukrainian officials said."],
            "set_ao": ["ao01.html: Rescuers search the rubble of the café in central Kramatorsk after Tuesday's missile strike.",
                       "ao02.html: Rescuers search the rubble of the café in central Kramatorsk after Tuesday's missile strike.",
                       "ao04.html: Emergency workers at the café in Kramatorsk hit by a Russian missile on 14 March 2034.",
                       "ao13.html: A woman injured in Tuesday's attack has died in hospital, officials say",
                       "ao05.html: The damaged boiler house in Sloviansk on Tuesday morning.",
                       "ao07.html: 117 Ukrainians come home, among them nine civilians",
                       "ao13.html: Mourners at a funeral in Kramatorsk on Wednesday, a day of mourning in the city."],
            # sets AP and AQ (session 44): captions
            "set_ap": ["ap01.html: Rescuers search the rubble of a workshop at an industrial plant hit by a Russian strike in Zaporizhzhia, Ukraine, November 15, 2034.",
                       "ap02.html: Rescuers search the rubble of a workshop at an industrial plant hit by a Russian strike in Zaporizhzhia, Ukraine, November 15, 2034.",
                       "ap03.html: Rescuers search the rubble of a workshop at an industrial plant hit by a Russian strike in Zaporizhzhia, Ukraine, November 15, 2034.",
                       "ap01.html: Rescuers search the rubble of a workshop at an industrial plant hit by a Russian strike in Zaporizhzhia, Ukraine, November 15, 2034.",
                       "ap02.html: Rescuers search the rubble of a workshop at an industrial plant hit by a Russian strike in Zaporizhzhia, Ukraine, November 15, 2034.",
                       "ap03.html: Rescuers search the rubble of a workshop at an industrial plant hit by a Russian strike in Zaporizhzhia, Ukraine, November 15, 2034.",
                       "ap04.html: Rescuers at the damaged plant in Zaporizhzhia.",
                       "ap06.html: Firefighters douse a burning workshop at the Khortmash plant.",
                       "ap05.html: Emergency workers outside the damaged kindergarten in Zaporizhzhia’s Khortytskyi district.",
                       "ap11.html: The Barvinok kindergarten after the strike.",
                       "ap13.html: Smoke rises over the Melitopol railway depot on Tuesday night in a frame from a residents’ video."],
            # sets AR and AS (session 45): photo captions, a map's and a video's titles
            "set_ar": ["ar01.html: Firefighters work at a grain terminal in the port of Odesa after a Russian drone attack, Ukraine, July 18, 2035.",
                       "ar05.html: Map: Russian strikes on Odesa Oblast ports, July 17-18, 2035.",
                       "ar06.html: Map: Russian strikes on Odesa Oblast ports, July 17-18, 2035.",
                       "ar01.html: Firefighters work at a grain terminal in the port of Odesa after a Russian drone attack, Ukraine, July 18, 2035.",
                       "ar07.html: Watch: Firefighters battle a blaze at the grain terminal in Odesa port",
                       "ar02.html: A damaged warehouse at the port of Izmail, Odesa region, on July 18, 2035."],
            "set_as": ["as01.html: Firefighters work at the site of a Russian missile strike on the central bus station in Dnipro, Ukraine, March 12, 2036.",
                       "as02.html: Smoke rises over the centre of Dnipro after the missile strike on Wednesday morning.",
                       "as01.html: Firefighters work at the site of a Russian missile strike on the central bus station in Dnipro, Ukraine, March 12, 2036.",
                       "as05.html: Rescuers carry a stretcher past the damaged ticket hall of Dnipro's central bus station.",
                       "as06.html: The ticket hall of Dnipro's central bus station was largely destroyed.",
                       "as08.html: The damaged central bus station on Wednesday afternoon."],
            "set_aq": ["aq01.html: Smoke rises from the Lviv-Pivden heat and power plant after a Russian strike, March 14, 2035.",
                       "aq07.html: Firefighters at the damaged Hausmann House near Rynok Square in Lviv.",
                       "aq08.html: The Hausmann House after the attack: the roof and the top floor are destroyed."],
            # set AM (session 42): a photo caption
            "set_am": ["am01.html: Rescuers work at an apartment block in Odesa's Peresyp district that was damaged in a "
                       "Russian attack, February 15, 2033."],
            # sets AI and AJ (session 41): a photo caption; a live page's headline telling three facts
            "set_ai": ["ai01.html: Rescuers work at the site of a Russian missile strike on a university campus in "
                       "Poltava, Ukraine, October 17, 2030."],
            "set_aj": ["aj09.html: Ukraine war live: Kherson bus station hit, Crimea bridge targeted, IAEA reports drone "
                       "near Zaporizhzhia plant"] * 3,
            # set V (session 35): the last item of a think tank's key-takeaways list and of its mirror's
            "set_v": ["v11.html: Ukrainian authorities ordered the mandatory evacuation of families with children from "
                      "Druzhkivka.",
                      "v12.html: Ukrainian authorities ordered the mandatory evacuation of families with children from "
                      "Druzhkivka."],
            "set_e": ["e03.html: Drone attack on Saratov plant more than 600km from the front line",
                        "e10.html: Compulsory evacuation of children begins in Donetsk region town"],
            # set G's lead paragraph set in a block of its own before the body; trafilatura keeps the body only
            # set P: a wire story's exact copy is one document (its key quotes the copy), a think tank's
            # "Key Takeaways" list (each restated in its body)
            "set_p": ["p11.html: A drone struck a substation near the Russian-occupied Zaporizhzhia Nuclear Power Plant "
                      "(ZNPP) on September 9",
                      "p11.html: the plant's tenth complete loss of off-site power since February 2022",
                      "p11.html: Russian forces conducted a large glide bomb strike against Kharkiv City on September 9",
                      "p11.html: killing six and injuring nearly 50 civilians",
                      "p11.html: Ukrainian forces reportedly struck an ammunition train near Dzhankoi"],
            # set Q: two headline-only facts: a live blog's post heading, a roundup's "related" heading
            "set_q": ["q04.html: Germany pledges two more IRIS-T air defence systems to Ukraine",
                      "q14.html: Drone attack damages railway station in Lozova"],
            # set O: a think tank's bullet the reader keeps as no line of the text
            "set_o": ["o09.html: The Russian MoD claimed the seizure of Kalynove in Donetsk Oblast"],
            "set_g": ["g06.html: Ukrainian drones attacked Russia's Volgograd region overnight into Thursday, setting "
                      "off a fire near the village of Kotluban"],
            # sets AE and AF (session 39): live posts' headings, a wire's "UPDATE 1-" title line on its copy, a
            # standfirst and photo captions the reader leaves out (each fact is told in the body too)
            "set_ae": ["ae02.html: UPDATE 1-Russian drones hit Ukraine's Danube port of Izmail, setting grain terminal "
                       "ablaze and damaging ship",
                       "ae09.html: Izmail port hit overnight",
                       "ae01.html: Smoke rises from a grain terminal in the port of Izmail after a Russian drone attack, "
                       "Odesa region, Ukraine, October 18, 2029.",
                       "ae02.html: UPDATE 1-Russian drones hit Ukraine's Danube port of Izmail, setting grain terminal "
                       "ablaze and damaging ship",
                       "ae02.html: Smoke rises from a grain terminal in the port of Izmail after a Russian drone attack, "
                       "Odesa region, Ukraine, October 18, 2029.",
                       "ae02.html: UPDATE 1-Russian drones hit Ukraine's Danube port of Izmail, setting grain terminal "
                       "ablaze and damaging ship",
                       "ae09.html: Port authority: ship damaged",
                       "ae05.html: Officials in Odesa region say crew members were hurt; Romania reports drone "
                       "fragments on its side of the river",
                       "ae09.html: Injured count rises",
                       "ae05.html: Officials in Odesa region say crew members were hurt; Romania reports drone "
                       "fragments on its side of the river",
                       "ae09.html: Romania reports drone debris", "ae09.html: Chernihiv elevator hit",
                       "ae09.html: Moscow: fuel depots hit", "ae09.html: Air force: 96 drones launched",
                       "ae09.html: Fire at Bryansk oil depot", "ae09.html: Romania summons Russian diplomat"],
            "set_af": ["af01.html: Mayor and police give different death tolls",
                       "af06.html: Staff sweep up broken glass outside the hospital.",
                       "af01.html: Moscow says it targeted military meeting",
                       "af01.html: Kyiv says drones set Ryazan refinery ablaze"],
            # sets AG and AH (session 40): a live page's headline (twice, two facts), a photo caption, live posts'
            # headings, and a trade site's three paragraphs after a rate table, which the reader drops with it
            "set_ag": ["ag09.html: Moscow claims vessel was carrying weapons; UAE mediates new prisoner swap",
                       "ag12.html: Drones also struck a grain silo at Izmail on the Danube the same night.",
                       "ag09.html: Moscow claims vessel was carrying weapons; UAE mediates new prisoner swap",
                       "ag12.html: War-risk premiums for calls at Greater Odesa ports rose to around 1.2% of hull value "
                       "on Wednesday, according to London brokers.",
                       "ag12.html: Brokers had quoted rates of about 0.7% of hull value for Greater Odesa calls as "
                       "recently as Monday."],
            "set_ah": ["ah01.html: Rescuers work at the site of a hospital hit by a Russian glide bomb in Kharkiv, "
                       "Ukraine, October 17, 2030.",
                       "ah06.html: The bombs struck the hospital shortly after the morning shift began.",
                       "ah11.html: Glide bombs hit Kharkiv hospital", "ah11.html: Kyiv calls Russian Patriot claim false"],
            # set I's live blog keeps every post since share bars are cut before extraction (14 quotes had
            # been lost); a post's headline that the reader keeps as no line of the text
            "set_i": ['i04.html: IAEA reports drones near Khmelnytskyi plant'],
            # set J: a think tank's "Key Takeaways" list (each restated in its body), a standfirst set as a
            # heading, two headlines of a live blog and a ministry's page
            "set_j": ["j07.html: Russian forces conducted a large-scale combined strike against Odesa City overnight "
                      "on March 8 to 9, damaging port and grain export infrastructure.",
                      "j12.html: Defence ministry says port facilities used by Kyiv's forces put out of action",
                      "j06.html: Power restored to most of Odesa",
                      "j08.html: Ukraine's military says it hit a fuel depot in Klintsy.",
                      "j07.html: Ukrainian forces reportedly struck an oil depot in Bryansk Oblast.",
                      "j07.html: Russian forces struck a hospital in Kherson City on March 9.",
                      "j07.html: The Russian Ministry of Defense (MoD) claimed that Russian forces seized Bohatyr, "
                      "Donetsk Oblast.",
                      "j08.html: The regional governor says only drone fragments fell."],
            # set K (read once at the end of session 29): a photo caption and a standfirst repeated by the wire's
            # copies, a headline kept as no line, a live blog's subheading, a market ticker line
            "set_k": ["k01.html: a nine-storey apartment building hit by a Russian missile in Kharkiv",
                      "k02.html: a nine-storey apartment building hit by a Russian missile in Kharkiv",
                      "k03.html: a nine-storey apartment building hit by a Russian missile in Kharkiv",
                      "k01.html: Missile hits nine-storey building in Saltivskyi district",
                      "k08.html: The damaged nine-storey building on Heroiv Pratsi Street, May 19, 2027.",
                      "k01.html: Four children among the wounded",
                      "k01.html: Ukraine says its drones hit oil depot in Russia's Belgorod region",
                      "k12.html: Brent front-month: 81.40 USD/bbl (+1.2%)"],
            # set L (read once at the end of session 30): a standfirst and a live blog's summary lines
            # set R: a standfirst of two facts (a heading the reader keeps as no line), an image caption
            "set_r": ["r03.html: Ukraine's air force says hundreds of drones and more than a dozen missiles were fired",
                      "r05.html: Part of the nine-storey building in Dnipro's Shevchenkivskyi district collapsed",
                      "r03.html: Kyiv seeks more Patriots"],
            # (session 37: two of set L's and one of set P's were on a wire's exact copy, stored as the wire's
            # document, which the scorer now reads for every file it came from)
            "set_l": ["l04.html: Russia launched over 150 UAVs and seven missiles overnight"],
            # sets Y and Z (session 37): a photo caption each, which the reader drops with the figure
            "set_y": ["y01.html: Rescuers work at the site of a Russian missile strike near the railway station in "
                      "Zaporizhzhia, Ukraine, November 28, 2028.",
                      "y13.html: Freed prisoners of war wrapped in national flags after the exchange."],
            "set_z": ["z01.html: Rescuers work at the site of an apartment block hit by a Russian missile in Kyiv, Ukraine, "
                      "December 14, 2028.",
                      "z06.html: Smoke rises over the combined heat and power plant in Darnytskyi district, Kyiv."],
            # sets AA and AB (session 37): a caption; a think tank's key-takeaways list on one line of its page and of
            # its mirror, which trafilatura drops there (its favor_recall keeps it), and a headline of two facts
            "set_aa": [
                "aa01.html: Firefighters work at the site of a printing house hit by a Russian air strike in Kharkiv,"
                 " Ukraine, April 5, 2029. Meridian/Serhii Bondar"],
            "set_ab": [
                "ab01.html: Russian shelling hits bus and market in Kherson; Moscow claims Dnipro landing destroyed",
                "ab10.html: Russian forces struck civilian targets in Kherson City on June 14, including a public bus"
                 " and the Central market.",
                "ab11.html: Russian forces struck civilian targets in Kherson City on June 14, including a public bus"
                 " and the Central market.",
                "ab01.html: Russian shelling hits bus and market in Kherson; Moscow claims Dnipro landing destroyed",
                "ab10.html: Russian forces struck civilian targets in Kherson City on June 14, including a public bus"
                 " and the Central market.",
                "ab11.html: Russian forces struck civilian targets in Kherson City on June 14, including a public bus"
                 " and the Central market.",
                "ab10.html: Russian forces continued to use drones to drop munitions on civilians in Kherson City’s "
                 "riverside districts.",
                "ab11.html: Russian forces continued to use drones to drop munitions on civilians in Kherson City’s "
                 "riverside districts.",
                "ab01.html: Russian shelling hits bus and market in Kherson; Moscow claims Dnipro landing destroyed",
                "ab10.html: The Russian Ministry of Defense (MoD) claimed that Russian forces destroyed a Ukrainian "
                 "boat landing group on the Dnipro River islands, but CESS has observed no visual evidence supporting "
                 "the claim.",
                "ab11.html: The Russian Ministry of Defense (MoD) claimed that Russian forces destroyed a Ukrainian "
                 "boat landing group on the Dnipro River islands, but CESS has observed no visual evidence supporting "
                 "the claim.",
                "ab10.html: Russian authorities closed the Crimean bridge to traffic for several hours on June 14 "
                 "following a reported Ukrainian drone attack.",
                "ab11.html: Russian authorities closed the Crimean bridge to traffic for several hours on June 14 "
                 "following a reported Ukrainian drone attack.",
                "ab10.html: A sea drone damaged the tanker Aurelia Dawn near Novorossiysk on the night of June 13 to "
                 "14.",
                "ab11.html: A sea drone damaged the tanker Aurelia Dawn near Novorossiysk on the night of June 13 to "
                 "14."],
              # sets AT and AU (session 46): standfirsts and lead paragraphs outside the article's container (reading
              # them was tried and left out: their summary sentences tell several facts and joined stories), subheads
              # in the body, photo captions
              "set_at": ["at09.html: The Russian armed forces overnight carried out a massive strike with "
                         "high-precision long-range weapons on fuel and energy facilities that supply the Ukrainian "
                         "armed forces, as well as on military airfield infrastructure, the Russian Defence Ministry "
                         "reported on Thursday.",
                         "at08.html: A Russian attack on the night of 15 October hit the Kremenchuk oil refinery and "
                         "a residential building in Poltava.",
                         "at11.html: Ukraine strikes a Russian refinery a day after Russia hit one in central Ukraine.",
                         "at01.html: Missile hits apartment block in Poltava; Moscow claims jets destroyed at "
                         "Myrhorod airfield",
                         "at07.html: Rescuers are still searching the ruins of an apartment block in Poltava as "
                         "officials give different tolls.",
                         "at08.html: A Russian attack on the night of 15 October hit the Kremenchuk oil refinery and "
                         "a residential building in Poltava.",
                         "at08.html: A Russian attack on the night of 15 October hit the Kremenchuk oil refinery and "
                         "a residential building in Poltava.",
                         "at10.html: The search operation at the site of the Russian strike in Poltava is over; the "
                         "toll is final.",
                         "at07.html: Rescuers are still searching the ruins of an apartment block in Poltava as "
                         "officials give different tolls.",
                         "at10.html: The search operation at the site of the Russian strike in Poltava is over; the "
                         "toll is final.",
                         "at14.html: Final toll from Thursday's missile strike stands at 12, including two children",
                         "at01.html: Missile hits apartment block in Poltava; Moscow claims jets destroyed at "
                         "Myrhorod airfield",
                         "at11.html: Ukraine strikes a Russian refinery a day after Russia hit one in central Ukraine.",
                         "at12.html: Russian air defence systems destroyed 34 Ukrainian unmanned aerial vehicles "
                         "overnight over the territory of Russian regions, the Russian Defence Ministry said on "
                         "Friday."],
              "set_au": ["au01.html: Firefighters work at the central market in Kherson after it was hit by Russian "
                         "shelling, November 10, 2037.",
                         "au02.html: The central market in Kherson after Tuesday's shelling.",
                         "au06.html: Stallholders at the central market in Kherson cover damaged goods after "
                         "Tuesday's shelling.",
                         "au07.html: Stallholders clear debris at Kherson's Central Market after Tuesday's shelling.",
                         "au08.html: The damaged roof of the Dniprovskyi tram depot on Wednesday morning.",
                         "au10.html: A burned-out tram at the depot in Kherson's Dniprovskyi district."],
              # set AV (session 47, held out): what its first read lost, not studied further
              "set_av": ["av04.html: Three people were killed in the overnight Russian shelling of Nikopol, regional officials say.",
                         "av07.html: Overnight Russian shelling hit apartment blocks and a school in the riverside city, while the occupied plant lost its main power connection.",
                         "av08.html: It was the second night in a row that the city came under fire.",
                         "av04.html: Three people were killed in the overnight Russian shelling of Nikopol, regional officials say.",
                         "av07.html: Overnight Russian shelling hit apartment blocks and a school in the riverside city, while the occupied plant lost its main power connection.",
                         "av08.html: It was the second night in a row that the city came under fire.",
                         "av09.html: The city came under artillery fire four times during the night, the city military administration says.",
                         "av04.html: The Zaporizhzhia nuclear plant lost its last 750-kilovolt line on Tuesday morning and is running on a single backup line.",
                         "av07.html: Overnight Russian shelling hit apartment blocks and a school in the riverside city, while the occupied plant lost its main power connection.",
                         "av04.html: The Zaporizhzhia nuclear plant lost its last 750-kilovolt line on Tuesday morning and is running on a single backup line.",
                         "av04.html: Russian officials say a Ukrainian drone wounded civilians in a village in the Kursk region."],
              # set AX (session 47, held out): what its first read lost, not studied further
              "set_ax": ["ax02.html: Glide bombs kill five in Zaporizhzhia; aid convoy struck on Orikhiv road",
                         "ax06.html: Seven people killed and 29 injured in glide-bomb strike on Zaporizhzhia, governor says",
                         "ax01.html: Governor says five dead, 18 wounded in city strike",
                         "ax02.html: Glide bombs kill five in Zaporizhzhia; aid convoy struck on Orikhiv road",
                         "ax06.html: Seven people killed and 29 injured in glide-bomb strike on Zaporizhzhia, governor says",
                         "ax01.html: Governor says five dead, 18 wounded in city strike",
                         "ax06.html: Seven people killed and 29 injured in glide-bomb strike on Zaporizhzhia, governor says",
                         "ax01.html: Two volunteer drivers killed as drones hit aid trucks",
                         "ax02.html: Glide bombs kill five in Zaporizhzhia; aid convoy struck on Orikhiv road",
                         "ax06.html: Two volunteer drivers killed as aid convoy hit on Orikhiv road",
                         "ax01.html: Two volunteer drivers killed as drones hit aid trucks",
                         "ax06.html: Two volunteer drivers killed as aid convoy hit on Orikhiv road",
                         "ax01.html: Moscow claims village near Orikhiv, Kyiv says claim is false",
                         "ax06.html: Russia claims capture of Zelenyi Hai; Ukraine says claim is untrue"],
              # sets AZ and BA (session 48, held out): what their read lost (captions), not studied further
              "set_az": ["az08.html: Watch: Firefighters at the Inhulskyi Shipyard in the early hours of Wednesday."],
              "set_ba": ["ba01.html: Rescuers carry an injured woman across the forecourt of Kramatorsk railway station after a missile strike, March 11, 2026.",
                         "ba02.html: Emergency workers at the damaged railway station in Kramatorsk, Ukraine, on Wednesday.",
                         "ba04.html: The aftermath of the strike at Kramatorsk railway station.",
                         "ba08.html: Rescuers search the damaged ticket hall of Kramatorsk railway station.",
                         "ba10.html: Teachers clear debris from a classroom at School No. 17 in Kramatorsk."],
              # sets BB and BC (session 49, held out): what their read lost (captions, headlines), not studied further
              "set_bb": ["bb01.html: Rescuers search the rubble of a partly collapsed apartment building on Lypova Street after a Russian drone and missile attack in Zhytomyr, Ukraine, March 15, 2029.",
                         "bb04.html: Three dead as Russia pounds Zhytomyr with drones and missiles, hospital and substation hit",
                         "bb04.html: Three dead as Russia pounds Zhytomyr with drones and missiles, hospital and substation hit",
                         "bb06.html: Smoke rises from the surgical building of City Hospital No. 2 in Zhytomyr on Thursday morning.",
                         "bb04.html: Three dead as Russia pounds Zhytomyr with drones and missiles, hospital and substation hit",
                         "bb01.html: Rescuers search the rubble of a partly collapsed apartment building on Lypova Street after a Russian drone and missile attack in Zhytomyr, Ukraine, March 15, 2029.",
                         "bb02.html: The partly collapsed apartment building on Lypova Street in Zhytomyr on Thursday morning.",
                         "bb03.html: Rescuers search the rubble of a partly collapsed apartment building on Lypova Street in Zhytomyr, Ukraine.",
                         "bb06.html: Rescuers are still digging through the rubble of a partly collapsed apartment block in the central Ukrainian city.",
                         "bb07.html: The damaged entrance of the building at 14 Lypova Street.",
                         "bb04.html: Three dead as Russia pounds Zhytomyr with drones and missiles, hospital and substation hit"],
              "set_bc": ["bc01.html: Smoke rises over Vilkhivets in Sumy region after the strike, in a photograph released by local authorities.",
                         "bc02.html: Emergency workers at the site of the strike in Vilkhivets, Sumy region, in a handout photograph.",
                         "bc06.html: The destroyed pumping hall of the Vilkhivets water treatment plant.",
                         "bc05.html: Residents collect water from a tanker in Vilkhivets on Tuesday afternoon.",
                         "bc11.html: People queue with plastic canisters at a water truck in Vilkhivets on Wednesday.",
                         "bc14.html: A water tanker parked outside a school in Vilkhivets.",
                         "bc07.html: A police minibus leaves Hlybokyi Yar with evacuated families on Wednesday morning.",
                         "bc12.html: Children wait with their parents at a transit centre in Sumy on Wednesday.",
                         "bc13.html: The damaged farm building on the edge of Krasnaya Sloboda."],
              # sets BD and BE (session 50, held out) as read
              "set_bd": ["bd03.html: Smoke rises from the chemical works in Dnipro after a Russian strike.",
                         "bd01.html: Firefighters work at the burning bus depot after a Russian attack in Dnipro, Ukraine, May 15, 2029.",
                         "bd02.html: Firefighters work at the burning bus depot after a Russian attack in Dnipro, Ukraine, May 15, 2029.",
                         "bd12.html: Firefighters at the burning bus depot in Dnipro on Tuesday morning.",
                         "bd04.html: Rescuers search the collapsed section of an apartment block in Dnipro.",
                         "bd06.html: The damaged apartment block on Kalynova Street on Tuesday afternoon.",
                         "bd04.html: Regional officials say seven people were killed in the overnight attack, while the city's mayor says nine died.",
                         "bd13.html: A damaged house in Nikopol after Tuesday's shelling.",
                         "bd11.html: Smoke over the Novokodatskyi district of Dnipro after the strike on a paint factory."],
              "set_be": ["be06.html: Rescuers at the humanitarian aid point in the Dniprovskyi district after the shelling on June 12."],
              # sets BF and BG (session 51, held out) as read: photo captions, a headline set in a body
              "set_bf": ["bf01.html: Rescuers work at the site of a partly collapsed apartment block hit by a Russian missile in Poltava, Ukraine, March 15, 2030.",
                         "bf02.html: Rescuers work at the site of a partly collapsed apartment block hit by a Russian missile in Poltava, Ukraine, March 15, 2030.",
                         "bf13.html: Rescuers work at the site of a partly collapsed apartment block hit by a Russian missile in Poltava, Ukraine, March 15, 2030.",
                         "bf03.html: Rescuers work at the site of a partly collapsed apartment block hit by a Russian missile in Poltava, Ukraine.",
                         "bf04.html: Rescuers work at the partly collapsed apartment block on Zinkivska Street in Poltava.",
                         "bf06.html: Rescuers at the partly collapsed building on Zinkivska Street on Friday morning.",
                         "bf05.html: Smoke rises over Kremenchuk after a Russian attack on the city's oil refinery on March 15, 2030.",
                         "bf11.html: Firefighters work at the Kremenchuk oil refinery after a drone attack on March 1, 2030."],
              "set_bg": ["bg02.html: Smoke rises over the Klepariv freight yard in Lviv on Saturday morning.",
                         "bg06.html: Damaged freight cars at the Klepariv yard on Saturday morning.",
                         "bg01.html: Firefighters work at a burning warehouse in Lviv after a Russian attack, March 15, 2031.",
                         "bg05.html: Rescuers at the warehouse district in Lviv, where a fire broke out after the overnight strike.",
                         "bg12.html: Regional officials say four people were killed in Lviv, while the city's mayor puts the toll higher.",
                         "bg06.html: Russia's overnight attack on western Ukraine also reached Lutsk, Kovel and the Burshtyn power plant.",
                         "bg12.html: Smoke over the Burshtyn thermal power plant on Saturday.",
                         "bg14.html: Smoke rises above the Tuapse refinery in a video posted by residents.",
                         "bg11.html: Damaged tracks at the Klepariv freight yard in Lviv, March 1, 2031."],
              # sets BH and BI (session 52, held out) as read: photo captions
              "set_bh": ["bh01.html: Firefighters work at the site of City Hospital No. 2 after a Russian missile strike in Chernihiv, Ukraine, March 15, 2032.",
                         "bh02.html: Firefighters work at the site of City Hospital No. 2 after a Russian missile strike in Chernihiv, Ukraine, March 15, 2032.",
                         "bh03.html: A damaged hospital building in Chernihiv, Ukraine.",
                         "bh06.html: The surgical wing of City Hospital No. 2 after the strike.",
                         "bh04.html: Smoke rises over the Chernihiv combined heat and power plant after the strike.",
                         "bh11.html: Workers inspect the damaged turbine hall of the Chernihiv combined heat and power plant."],
              "set_bi": ["bi01.html: Firefighters work at the Sonyachnyi shopping centre in Vinnytsia after a drone strike started a fire.",
                         "bi06.html: Rescuers put out the fire at the Sonyachnyi shopping centre in Vinnytsia on March 15.",
                         "bi07.html: The burnt-out facade of the Sonyachnyi shopping centre on Keletska Street.",
                         "bi06.html: Rescuers put out the fire at the Sonyachnyi shopping centre in Vinnytsia on March 15.",
                         "bi12.html: A damaged transformer at the substation in Shepetivka district."],
              # sets BJ and BK (session 53, held out) as read: photo captions
              "set_bj": ["bj01.html: Firefighters work at a grain elevator hit by a Russian strike in Cherkasy, Ukraine, March 15, 2033.",
                         "bj02.html: Firefighters work at a grain elevator hit by a Russian strike in Cherkasy, Ukraine, March 15, 2033.",
                         "bj03.html: Firefighters work at a grain elevator hit by a Russian strike in Cherkasy, Ukraine, March 15, 2033.",
                         "bj04.html: Firefighters work at a grain elevator hit by a Russian strike in Cherkasy, Ukraine, March 15, 2033.",
                         "bj06.html: Rescuers at the burning elevator in Cherkasy's industrial zone.",
                         "bj12.html: The grain elevator in Cherkasy burned through the day on Tuesday.",
                         "bj13.html: Shattered windows at the central bus station in Kropyvnytskyi.",
                         "bj11.html: Firefighters at the damaged warehouse in the port area of Cherkasy, March 1."],
              "set_bk": ["bk04.html: Emergency workers remove debris from the partly collapsed apartment building on Zelena Street in Ternopil on Saturday.",
                         "bk06.html: The collapsed section of the building on Zelena Street, Saturday afternoon.",
                         "bk12.html: Residents lay flowers and candles near the destroyed section of the building on Zelena Street.",
                         "bk14.html: Police cordon off a field near Cotiujeni Noi where drone fragments were found.",
                         "bk11.html: A damaged five-storey building in Ternopil on Saturday morning."]}


# furniture lines a set's pages still make claims of (single-source, each alone): set J's paywall counter (its
# other four, and set I's three, are prompts since session 28: appeals to readers, a live blog's closing line,
# "Click here to see … map", "press Ctrl+Enter")
KNOWN_FURNITURE = {"set_j": ["You are reading 1 of 3 free articles this month."],
                   # set AO (session 43): a live page's update notice in other words
                   "set_ao": ["This story is developing and will be updated."],
                   # sets AP and AQ (session 44): a think tank's note on its sources, a wire credit line
                   "set_ap": ["IESS relies on open-source reporting and does not independently verify official casualty figures."],
                   "set_aq": ["This story was provided by the Eastwire news agency."],
                   # set AS (session 45, held out): a wire's licence note and its credit line on a partner's page
                   "set_as": ["Materials marked Meridian are published under a licence agreement and may not be reproduced.",
                              "This story was provided by Meridian Wire Service and has not been edited by Harbour Post staff."],
                   # set AH's first look (session 40) made one, a live page's greeting: furniture since session 41
                   # set K's first look made seven (a time-zone note, a disclaimer, republication notes, a live
                   # blog's close); after its changes (session 29) two are still read as sentences on their page
                   "set_k": ["All times are Kyiv time (GMT+3).",
                             "This assessment is republished from the Centre for Conflict and Security Analysis "
                             "with permission."],
                   # set L's first look (session 30): a video warning, a tip-line prompt (furniture since session 37), half
                   # of an appeal
                   "set_l": ["Warning: this video contains images some viewers may find distressing.",
                             "we want to keep it that way."],
                   # set P's first look (session 32): a live blog's time-zone note
                   "set_p": ["All times are Kyiv time."],
                   # set Q's first look (session 33): an update note
                   "set_q": ["This article was updated at 15:40 with a statement from the energy company."],
                   # set M's first look (session 31): an aggregator's notes on its own cards
                   "set_m": ["Card summaries are written by NewsHeap editors.",
                             "NewsHeap shows headlines and links from publishers."],
                   # sets AT and AU (session 46): a membership appeal, a social prompt, a closed blog's notice, a
                   # section pointer; a photo appeal, a republication note, an auto-refresh notice, a consent line,
                   # a wire desk's disclaimer
                   "set_at": ["Don't miss a story - follow NewsPulse24 on social media.",
                              "Support independent analysis: become a Frontline Analysis Network member today.",
                              "This blog is now closed.",
                              "You can read our latest coverage of the war in Ukraine on our Ukraine page."],
                   "set_au": ["Send us your photos and videos via our Telegram bot.",
                              "Send us your photos and videos via our Telegram bot.",
                              "This assessment first appeared on the Black Sea Security Forum website and is "
                              "republished here with ",
                              "This page refreshes automatically; turn off auto-refresh in your settings.",
                              "We and our partners store and access information on your device to provide and "
                              "improve our services.",
                              "Wire stories are published automatically and have not been checked by Continental "
                              "Dispatch editors."],
                   # sets AX and AY (session 47, held out) as first read
                   "set_ax": ["Members can download this assessment as a PDF."],
                   "set_ay": ["Before you move on, we hope you will consider supporting the Ledger's independent journalism.",
                              "Rudnyi Krai is independent local journalism.",
                              "Send us photos and videos via our Telegram bot.",
                              "This article was amended on 12 March 2041 to correct the distance between Kryvyi Rih and Dnipro.",
                              "This assessment is republished in full from the Black Sea Security Observatory (BSSO) under our cont",
                              "This story has been provided by the Northline news agency and has not been edited by TEB staff.",
                              "Write to our newsroom on Telegram.",
                              "You've read 7 articles in the last month."],
                   # sets AZ and BA (session 48, held out) as read
                   "set_az": ["Thank you for following our coverage.",
                              "This article is provided by Continental Newswire."],
                   "set_ba": ["This article contains details some readers may find distressing.",
                              "This assessment first appeared on the website of the Institute for Eastern Security Studies and is r"],
                   # sets BB and BC (session 49, held out) as read
                   "set_bb": ["Read the original assessment on the CESS website.",
                              "Support us today from just £2 a month.",
                              "This assessment is republished from the Centre for Eastern Security Studies with permission."],
                   "set_bc": ["Refresh this page or turn on automatic updates to see the latest posts."],
                   # set BE (session 50, held out) as read: an amendment note, a think tank's republication note
                   "set_be": ["This article was amended on 12 June 2029 to include updated casualty figures.",
                              "This assessment was first published by the Centre for Eastern Security Studies on June 12 and is rep"],
                   # sets BF and BG (session 51, held out) as read: a city hotline's number, a wire dateline's lead
                   "set_bf": ["The city hotline for residents of damaged buildings works around the clock: 1580."],
                   "set_bg": ["LVIV, Mar 15 (Meridian Wire) - Russian drones and missiles hit a rail yard and a warehouse district "],
                   # sets BH and BI (session 52, held out) as read: a links disclaimer, comment and upgrade prompts, a
                   # think tank's republication notes, a live page's closing line, a correction note
                   "set_bh": ["ABN is not responsible for the content of external sites.",
                              "Tell us in the comments below.",
                              "This assessment was first published by the Carrow Institute for Conflict Studies and is republished ",
                              "Upgrade to RailTrack East Premium."],
                   "set_bi": ["Halden will continue to monitor the situation and report daily.",
                              "If you have photos or video of the attack, send them to our Telegram bot.",
                              "This article was corrected to fix the name of the district.",
                              "This assessment was first published by our partner, the Halden Institute for Conflict Studies, and i",
                              "This live page is no longer being updated."],
                   # sets BJ and BK (session 53, held out) as read: a comments notice, a funding line, a reporter's
                   # bio, a pointer to a list, a live page's closing line; a think tank's republication and an update note
                   "set_bj": ["Commenting is disabled for news about casualties.",
                              "Dzvin Media is independent and funded by readers.",
                              "Rachel Ondaatje covers international affairs for the Lakeshore Tribune.",
                              "The full list of distribution points is on the city council website and in our Telegram channel.",
                              "This live page is no longer being updated."],
                   "set_bk": ["This assessment was first published by the Vistula Institute for Security Studies on March 15, 2031,",
                              "This story has been updated with a higher death toll, rescue figures and statements from Romania and"]}
# (sets T, U and V's first looks, session 35, made seven: a mirror's note, a cookie banner of two sentences,
# think tanks' links, a live blog's pause; whole lines of boilerplate since)


# furniture lines the bench finds in stories of several mentions: set BG's key lists a wire's byline, "Meridian Wire",
# as furniture, and the bench finds it inside the wire's lead sentence ("LVIV, Mar 15 (Meridian Wire) - Russian
# drones …"), a fact that sits in a contested story
KNOWN_FURNITURE_IN_STORIES = {"set_bg": 1}


def test_every_fact_survives_ingest_and_furniture_makes_no_story(scored):
    name, _, result = scored
    assert result["lost_quotes"] == KNOWN_LOST.get(name, [])
    assert sorted(text for _, text in result["furniture_mentions"]) == sorted(KNOWN_FURNITURE.get(name, []))
    assert sum(status != "single_source" for status, _ in result["furniture_mentions"]) == \
        KNOWN_FURNITURE_IN_STORIES.get(name, 0)


# wrong stories a set still has, known and left: set D's "Russian missile and drone attack on Kharkiv kills
# three, governor says" (a headline set in the body) leads a story of the attack's several facts; set E's
# "dismissed reports of Russian troops in the town" denies soldiers' report of infiltration groups; set F's
# terminal fire sits with the ministry's disputed drone counts (87 vs 78: "destroyed 87 drones" reads as
# damage as well as an interception, and reading it as one made the fire's story a denied sibling of the
# tanker's); set G's depot stores beside its fire. Wire leads stating several facts (F's "Russia launched
# 476 drones … setting a thermal power plant … on fire and killing three people", G's "… struck a five-storey
# apartment block …, killing nine people and wounding 31", E's Izmail lead and page summary) no longer lead
# stories of their several facts: claims telling one kind of deed are placed first (`grouping.placing_order`)
# (session 38: a toll a page or a live post gives an hour or more after another page's, no lower, is the count
# grown: D's and I's strike stories of several facts are corroborated now, still joining them)
KNOWN_WRONG = {"set_d": [("corroborated", "joins facts ['F1', 'F14', 'F2', 'F3']")],
               # set U (session 41): the market strike's two stories, each holding one side of the disputed bomb count
               "set_u": [("contested", "F1 is corroborated in the key")] * 2,
               "set_e": [("denied", "F56 is single-source in the key")],
               # (session 45: the ministry's night count, drones destroyed, is an interception and leaves the terminal
               # fire's story, which the port's "no vessels had been damaged" now denies for its tanker mentions)
               "set_f": [("denied", "F26 is corroborated in the key"),
                         # session 28: the plant story holds the region's toll another outlet disputes
                         ("contested", "F3 is corroborated in the key")],
               # (session 32: the governor's denial of the depot strike now reaches the story the strike's claim
               # joined, led by what the depot stored: denied, still joining the two)
               "set_g": [("denied", "joins facts ['F27', 'F33']"),
                         # session 30: the bodies returned to Ukraine, told by a wire lead also giving the 39
                         # Russia received (31 by a lawmaker): contested for that figure
                         ("contested", "F40 is corroborated in the key")],
               # set H: a think tank's account of the strike (the plant hit) holds a toll another outlet disputes
               "set_h": [("contested", "F1 is corroborated in the key")],
               # set I, read once at the end of session 27 and tuned on in session 28: a governor's account of
               # the strike leads a story of its several facts (contested now: it holds the disputed toll); the
               # depot fire's story holds its size and its cause; a district head's evacuation and a refusal to
               # talk placed as denied (a Russian "workshop" claim the key calls denied is still corroborated)
               "set_i": [("corroborated", "joins facts ['F27', 'F28', 'F29']"),
                         # (a district head's evacuation placed as denied until session 34, when "damaged" denies a
                         # strike and the governor's denial found the depot's strike)
                         # session 30: contested now for Kyiv's 757 bodies against Moscow's 1,000 (session 33:
                         # its denial of F52 is read as stating what it denies, and goes to F52's story)
                         ("contested", "joins facts ['F49', 'F50', 'F55']"),
                         # (session 28 to 44: the live blog's recovered posts put the depot fire's story with the
                         # drone counts over the region; session 45: drones "destroyed" over the region are brought
                         # down, no longer joining the fire)
                         # session 38: corroborated now (a toll grown by a later hour), still joining the facts
                         ("corroborated", "joins facts ['F10', 'F3', 'F4', 'F6', 'F8']")],
               # set J, read once on d82ce2c (the bench's docstring), then tuned on: the Kherson hospital's two
               # dead with the governor's first two dead in Odesa (the hospital's town is only in the speaker);
               # the grain terminal's story holding its fire and the grain lost; a governor's "risen to four" by
               # late morning against the city's seven by evening (the key's updates, told by two speakers)
               # (session 42: that story is contested now, for Odesa's disputed toll one of its members gives)
               "set_j": [("contested", "joins facts ['F26', 'F7']"),
                         ("corroborated", "joins facts ['F10', 'F3', 'F52']"),
                         ("contested", "F6 is corroborated in the key")],
               # set K, read once at the end of session 29 and not yet tuned on: a story of the Kharkiv strike's
               # wounded holding "four children among the wounded" (contested over the disputed count) and the
               # air force's interceptions contested; the minibus strike contested over its wounded while the
               # key calls the strike denied; one briefing's captures of two villages in one denied story
               # (session 37: the wounded's four children no longer contest the strike's story, a later day's
               # higher toll being an update)
               "set_k": [("contested", "F22 is denied in the key"),
                         # session 30 (tuning on K): the strike's stories are contested for the disputed
                         # tolls the city tells with no town, where the key calls the strike denied by Moscow;
                         # the substation's wire lead holds the disputed households figure
                         ("contested", "F13 is corroborated in the key"),
                         ("denied", "joins facts ['F33', 'F34']"),
                         # session 44: the think tank's bullet of both captures, denied by the denial of each
                         # reaching it
                         ("denied", "joins facts ['F33', 'F34']")],
               # set L, read once at the end of session 30 and not tuned on: wire leads and a governor's account
               # telling several facts (the port's fires and its toll; Kovel's junction and its dead) lead
               # contested stories; bare "Two people were killed" lines of two attacks in one story; the
               # exchange's 84 vs 90 in one corroborated story; a capture of two villages denied for one
               # (session 31: the Odesa governor's morning and evening wounded are his updates, so the port's
               # story is corroborated, still joining several facts; Odesa's "three dead" of the morning no longer
               # contests the day's toll)
               "set_l": [("corroborated", "joins facts ['F3', 'F4', 'F6', 'F7']"),
                         # session 34: the Kovel junction's strike and its dead apart; its dead contested for the
                         # figure story their toll joined
                         ("contested", "F9 is corroborated in the key"),
                         ("contested", "F3 is corroborated in the key"),
                         ("contested", "joins facts ['F13', 'F14', 'F15', 'F16']"),
                         ("corroborated", "joins facts ['F23', 'F24']"),
                         ("contested", "joins facts ['F10', 'F14', 'F15']"),
                         ("denied", "F17 is corroborated in the key")],
               # set M, read once at session 31's start, then tuned on: Zaporizhzhia's toll rising through the
               # day told partly with no speaker ("The death toll is now three, with 14 people injured", "17
               # injured …, according to the latest figures") against the governor's morning figures; the air
               # force's launched and downed in one story; Chuhuiv's dead and wounded in one, and its story of
               # "11 were injured" contested for the region's disputed dead a member gives; Pavlohrad's strike and
               # Moscow's account of it; the Rossosh depot with the drones over Voronezh
               # (session 37: two of the governor's rising tolls told by later pages are updates; the Pavlohrad strike's
               # story with Moscow's account of it is corroborated since "Ukrainian officials denied the Russian
               # claim and reported that …" is a denial of the claim before it and a report of the depot)
               "set_m": [("contested", "F19 is corroborated in the key"),
                         ("contested", "F6 is corroborated in the key"),
                         ("contested", "F6 is corroborated in the key"),
                         ("contested", "F9 is corroborated in the key"),
                         ("corroborated", "joins facts ['F1', 'F2', 'F3', 'F4']"),
                         ("corroborated", "joins facts ['F10', 'F11']"),
                         ("corroborated", "joins facts ['F6', 'F7']"),
                         ("corroborated", "joins facts ['F8', 'F9']")],
               # set N, read once at session 31's end: Kryvyi Rih's toll revised by one official through the day
               # ("now says seven", a recap's "nine") told partly with no speaker; Russia's 110 servicemen
               # returned beside Ukraine's disputed 112; wire leads and account sentences telling several facts
               # (session 34: "He said 23 people had been injured, three of them children" shares no figure with
               # another toll's three)
               "set_n": [("contested", "F11 is corroborated in the key"),
                         ("contested", "F11 is corroborated in the key"),
                         ("contested", "F11 is corroborated in the key"),
                         ("contested", "F23 is corroborated in the key"),
                         ("contested", "joins facts ['F10', 'F11', 'F6']"),
                         ("contested", "joins facts ['F14', 'F15']"),
                         # session 34: a police spokesperson's "three people died" (its page's Lozova named in no
                         # line near it) found by its figure in Kremenchuk's toll story
                         ("contested", "joins facts ['F15', 'F6']"),
                         ("contested", "joins facts ['F22', 'F24']"),
                         ("corroborated", "joins facts ['F1', 'F2']"),
                         ("corroborated", "joins facts ['F10', 'F13', 'F14', 'F5']"),
                         ("denied", "joins facts ['F5', 'F9']")],
               # set O (session 32; first look pinned above): the market shelling's rising toll told with its time
               # and a city head's five; the grain ship's strike (denied by Moscow) holding the disputed injured
               # crew; the evacuees' 312 with their day's evacuation; one outage story of the morning's and the
               # evening's figures; a grain ship's strike with the patrol ship's; a claimed capture with the
               # assaults repelled there
               "set_o": [("contested", "F16 is denied in the key"),
                         ("contested", "F7 is corroborated in the key"),
                         ("contested", "joins facts ['F23', 'F24']"),
                         ("corroborated", "joins facts ['F16', 'F2']"),
                         ("corroborated", "joins facts ['F30', 'F31', 'F32']"),
                         # (session 34: the evacuees' 312 and their day's evacuation no longer corroborated together)
                         ],
               # set P (session 32; first look pinned above): Belgorod's toll rising from the wire's one dead to the
               # governor's two, told by two speakers; the Kharkiv strike's wire paragraph of four facts; the
               # nuclear plant's diesel generators with Novorossiysk's depot fire
               "set_p": [("contested", "F18 is single-source in the key"),
                         ("contested", "joins facts ['F12', 'F14', 'F9']"),
                         ("corroborated", "joins facts ['F10', 'F12', 'F14', 'F9']"),
                         ("corroborated", "joins facts ['F2', 'F27']")],
               # set Q (session 33; first look pinned above): a strike the Russian side blames on a falling Ukrainian
               # air-defence missile (the key's denial of it by another cause) shown contested for its toll; the
               # governor's toll rising 3 -> 5 -> 7, whose morning figure the wire and its copies carry; a HIMARS
               # (its HIMARS launcher Moscow claims destroyed, denied by the next line's "Statements by the Kiev
               # regime that … are false" until that denial was read as stating what it denies)
               "set_q": [("contested", "F3 is denied in the key"),
                         ("contested", "F4 is corroborated in the key"),
                         ("contested", "F4 is corroborated in the key")],
               # set R (session 34; first look pinned above): the air force's interceptions with Samara's drones
               # downed (the city council's "43 people were wounded, including six children" and Kharkiv's six
               # injured apart since a part of a count is no figure of it)
               "set_r": [("contested", "joins facts ['F12', 'F2']")],
               # set T (session 35; first look pinned above): the Stryi energy facility's hit with the region's
               # disputed households without power
               "set_t": [("contested", "joins facts ['F5', 'F6']")],
               # set W (session 36; first look pinned above): Odesa's households without power, whose two figures the
               # key sets in a fact of their own; the live blog's "Kravets has updated the toll: five" and the
               # administration's nine (the surname's office is told only elsewhere on its page); the ministry's
               # sentence of boats and a workshop; the port strike's wire lead with the denial of the captain's
               # detention; Feodosia's attack with the fire its governor says did "no damage"; the crew's injured
               # with the workshop the navy calls "a lie"
               # (session 37: the live blog's five and the administration's nine, a day apart, are the count grown)
               "set_w": [("contested", "F17 is corroborated in the key"), ("contested", "joins facts ['F11', 'F12']"),
                         ("corroborated", "joins facts ['F1', 'F17', 'F2', 'F24', 'F4']"),
                         # session 40: the fleet's boats with the ministry's workshop in a second story, contested
                         # (the Izmail crew's story, contested for a count its page's date lets rival since session
                         # 39, holds its own facts now)
                         ("contested", "joins facts ['F11', 'F12']"),
                         # session 43: a denial is now read from harm said not done ("there was no damage") and the
                         # scorer sets a story's denials aside, its fact being what the others state
                         ("denied", "F14 is corroborated in the key")],
               # set X: the bus station strike the key calls denied (Moscow says it hit a fuel depot) contested over
               # its bombs; wire leads telling the plant's hit, outage and injured, the evacuation's total and its
               # districts, the strike with its toll and hour
               "set_x": [("contested", "joins facts ['F19', 'F20', 'F21']"),
                         ("contested", "joins facts ['F7', 'F8', 'F9']"),
                         # session 37: Moscow's "denied striking the bus station" is a denial now, and reaches the
                         # story of the bombs' number (two or three), which the key calls contested
                         ("denied", "F4 is contested in the key")],
               # set Y (session 37; first look pinned above): a wire sentence of the strike and its disputed toll,
               # the exchange told with its disputed count, and Sorokina's denial's own words cut as a claim
               "set_y": [("contested", "F18 is corroborated in the key"),
                         ("corroborated", "joins facts ['F18', 'F19', 'F22']")],
               # set Z: Kyiv's toll through the day told by three offices on one day's pages (the key's updates;
               # one day's two officials' figures at odds are a contradiction in other sets' keys), the strike's
               # sentences holding the toll while the key calls the strike denied, the Sumy hospital's bombs, the
               # Polish account with the drone it tells of, a governor's "no casualties" taken for a denial
               "set_z": [("contested", "F21 is denied in the key"), ("contested", "F6 is corroborated in the key"),
                         ("contested", "F6 is corroborated in the key"), ("contested", "F7 is corroborated in the key"),
                         ("contested", "F7 is corroborated in the key"), ("contested", "joins facts ['F3', 'F5', 'F8']"),
                         ("corroborated", "joins facts ['F11', 'F12', 'F13']"),
                         ("denied", "F11 is corroborated in the key")],
               # set AA (session 37, read once on its last code): a printing house's toll through two days told by
               # the governor, the mayor and the police (the next morning's police figures are updates now; one day's
               # officials at odds are contested, as most keys have it), the think tank's takeaway of the strike with
               # its toll, the Bryansk depot's strike with its fire
               "set_aa": [("contested", "F1 is corroborated in the key"),
                          ("contested", "F1 is corroborated in the key"), ("contested", "F1 is corroborated in the key"),
                          ("contested", "F7 is single-source in the key"),
                          ("corroborated", "joins facts ['F24', 'F26']")],
               # set AB: Kherson's bus and market told together with the day's toll the governor raises, the strike
               # Moscow denies holding its toll, the landing Moscow claims destroyed contested for its boats, a
               # tanker's strike reached by the port's denial of a spill
               "set_ab": [("contested", "F1 is denied in the key"), ("contested", "F10 is denied in the key"),
                          ("contested", "F2 is corroborated in the key"), ("contested", "F2 is corroborated in the key"),
                          ("contested", "F4 is corroborated in the key"), ("contested", "F7 is corroborated in the key"),
                          ("contested", "joins facts ['F4', 'F5', 'F7']"), ("corroborated", "joins facts ['F8', 'F9']"),
                          # session 44: Dovhan's seven dead, a denied story, is a contested story of the toll
                          ("contested", "F2 is corroborated in the key")],
               # set AC (session 38, pinned on its first look's session's last code): the strike's wire lead of its
               # bombs, school, clinic and injured; two evacuations; the Kursk governor's drones downed beside the
               # ministry's; the depot strike with the ministry's denial and its drone count
               # (session 38: contested now for the bombs' number, four or three, still joining the facts)
               "set_ac": [("contested", "joins facts ['F1', 'F2', 'F3', 'F4', 'F5']"),
                          ("corroborated", "joins facts ['F12', 'F13']"),
                          ("denied", "joins facts ['F17', 'F18', 'F19']"),
                          # session 39: contested now for the drones downed over Kursk, 21 destroyed against 16 shot
                          # down (one count of air defence's), still joining the facts
                          ("contested", "joins facts ['F19', 'F20', 'F21']")],
               # set AD: households without power at 6 a.m. against the figure at 9 (the key's update, the count told
               # as falling), two strikes on energy sites in one story, Romania's scrambled jets beside the disowned
               # drone, the debris found beside the embassy's denial
               # (session 45: the distributor's households at 6 a.m. and at 1 p.m. are two readings, no longer contested)
               "set_ad": [("corroborated", "joins facts ['F1', 'F7']"),
                          ("denied", "F21 is corroborated in the key"),
                         # session 43: a denial is now read from harm said not done ("there was no damage") and the
                         # scorer sets a story's denials aside, its fact being what the others state
                         ("denied", "F18 is corroborated in the key")],
               # set AE (session 39): the Chernihiv elevator's story contested for its drones (two or three), the
               # Bryansk governor's drone count with his denial of the fire, Romania's summons beside Moscow's denial
               "set_ae": [("contested", "F10 is corroborated in the key"), ("contested", "joins facts ['F17', 'F18']"),
                          ("denied", "F27 is corroborated in the key")],
               # set AF: wire leads of the Dnipro strike and of the regional head's injured contested for the tolls
               # they give, the Kryvyi Rih strike's lead with Dnipro's, the hospital's hit with the office block's
               "set_af": [("contested", "F23 is single-source in the key"),
                          ("contested", "joins facts ['F1', 'F2', 'F3', 'F4', 'F5', 'F7']"),
                          ("contested", "joins facts ['F12', 'F13', 'F2', 'F5']"),
                          # (session 49: the story of "Two more people died in hospital overnight", no toll of two
                          # now, is denied for the denial it holds)
                          ("denied", "F26 is corroborated in the key"),
                          # (session 39: Moscow's "dismissed reports of a hit on the hospital as staged" denies the
                          # hit, reaching the story of both missiles' hits; the wire lead's story joins more facts)
                          ("denied", "joins facts ['F3', 'F4']")],
               # (set AG, session 40: a live page's "denied this" answers the capture told in the post below it,
               # the page running newest first, no longer the Mykolaiv outage above it)
               # set AH: the ministry's night count in the story of the refinery hit it denies; the hospital's bombs
               # contested (two or three) in the story of the hit Moscow calls staged
               "set_ah": [("contested", "F11 is denied in the key"), ("denied", "F6 is corroborated in the key"),
                          # session 45: the ministry's list of regions' drones (destroyed: brought down) joins the
                          # Bryansk governor's dozen by its Bryansk item and shows its Saratov item's contest with the
                          # Saratov governor's 21 there
                          ("contested", "F7 is corroborated in the key")],
               # sets AI and AJ (session 41): stories of several facts (a strike's missiles with its toll, a depot's
               # fire with its burnt tanks and the region's downed drones, the IAEA's hit with the sides' blame), a
               # denial's story holding what it does not deny, and the governor's account leading its toll's story
               "set_ai": [("contested", "joins facts ['F2', 'F5']"),
                          # (session 44: a Telegram claim the depot was destroyed now sits in the depot fire's story)
                          # (session 45: the ministry's 17 drones destroyed over the region no longer in it)
                          ("contested", "joins facts ['F20', 'F22', 'F24']"),
                          ("corroborated", "joins facts ['F30', 'F7']")],
               "set_aj": [("contested", "F1 is corroborated in the key"), ("contested", "F27 is corroborated in the key"),
                          ("corroborated", "joins facts ['F1', 'F11', 'F2', 'F3', 'F4', 'F5']"),
                          ("corroborated", "joins facts ['F6', 'F9']"),
                          ("denied", "joins facts ['F23', 'F25']"),
                         # session 43: a denial is now read from harm said not done ("there was no damage") and the
                         # scorer sets a story's denials aside, its fact being what the others state
                         ("denied", "F15 is corroborated in the key")],
               # sets AK and AL (session 42): the exchange's story holding the disputed count (the key: the exchange
               # corroborated, its count contested), Sumy's outage story holding both figures, the Russian ministry's
               # denial of the apartment block's hit reaching the strike's stories (the key: the strike corroborated,
               # the block's hit denied), the depot's debris with the tanks hit; the refinery's drones with its injured
               # and its fire, Nikopol's wounded with Dnipro's, the drone's fragments with the embassy's denial
               "set_ak": [("contested", "F21 is corroborated in the key"),
                         # session 43: a denial is now read from harm said not done ("there was no damage") and the
                         # scorer sets a story's denials aside, its fact being what the others state
                         ("denied", "F18 is corroborated in the key"), ("contested", "joins facts ['F16', 'F17', 'F18']")],
               "set_al": [("contested", "joins facts ['F6', 'F7', 'F8']"), ("contested", "joins facts ['F7', 'F9']"),
                          ("corroborated", "joins facts ['F25', 'F26']"),
                         # session 43: a denial is now read from harm said not done ("there was no damage") and the
                         # scorer sets a story's denials aside, its fact being what the others state
                         ("denied", "F22 is corroborated in the key")],
               # set AM (its first look, not tuned on): Mykolaiv's outage story holding its two disputed figures, the
               # city administration's three children in the disputed injured's story, Moscow's account of its strike
               # on the port reached by Ukraine's denial of its naval-drone store
               "set_am": [("contested", "F17 is corroborated in the key"), ("contested", "F5 is corroborated in the key"),
                          ("denied", "F8 is corroborated in the key"),
                          # session 45: the ministry's drones destroyed over Kursk, an interception now, join their
                          # fellows' story with the ministry's denial of the airfield's damage said in one sentence;
                          # the General Staff's "statements … about damaged aircraft are false" denies a member
                          ("denied", "F15 is corroborated in the key")],
               # sets AN and AO (session 43): the city's morning toll with the toll by building; the evening toll in a
               # story about the border town's shelling; AO (held out): the ministry's drones with their breakdown by
               # region, the Sloviansk strike with its disputed injured, the café strike in stories of its toll, the
               # governor's toll of several facts
               "set_an": [("contested", "F6 is corroborated in the key"),
                          ("corroborated", "joins facts ['F4', 'F7']")],
               "set_ao": [("contested", "F1 is corroborated in the key"),
                          ("contested", "F12 is corroborated in the key"),
                          ("contested", "F12 is corroborated in the key"),
                          ("contested", "F12 is corroborated in the key"),
                          ("contested", "joins facts ['F20', 'F21']"),
                          ("corroborated", "joins facts ['F10', 'F3', 'F4']"),
                          ("denied", "F1 is corroborated in the key")],
               # sets AP and AQ (session 44): AP's administration tolls of the morning and noon in stories contested by
               # the evening's (one page gives no date, so no hour tells them apart), the ministry's lead of four facts
               # with the HIMARS claim denied, Enerhodar's outage with its restoration; AQ (held out) as first read
               "set_ap": [("contested", "F1 is corroborated in the key"),
                          ("contested", "F5 is corroborated in the key"),
                          ("contested", "F7 is corroborated in the key"),
                          ("contested", "F7 is corroborated in the key"),
                          ("corroborated", "joins facts ['F14', 'F25']"),
                          ("denied", "joins facts ['F1', 'F18', 'F2', 'F30']")],
               "set_aq": [("contested", "F1 is corroborated in the key"), ("contested", "F10 is corroborated in the key"),
                          ("contested", "F17 is corroborated in the key"),
                          ("contested", "F8 is corroborated in the key"), ("contested", "F8 is corroborated in the key"),
                          ("contested", "F8 is corroborated in the key"), ("contested", "F8 is corroborated in the key"),
                          ("contested", "joins facts ['F17', 'F18', 'F19', 'F8', 'F9']"),
                          # (session 53: homes without heating are no count of homes without power, so the heat
                          # plant's lead and the city's 46,000 households without heating are no longer contested)
                          ("contested", "joins facts ['F23', 'F24']"), ("corroborated", "joins facts ['F27', 'F28', 'F35', 'F6']"),
                          ("corroborated", "joins facts ['F1', 'F25', 'F6']"), ("denied", "F16 is single-source in the key")],
               # sets AR and AS (session 45) as first read: AR's wire lead of the night's strikes on three ports, each
               # joined by outlets' sentences of one of its facts; AS (held out) the bus station's tolls through the day
               "set_ar": [("contested", "F22 is corroborated in the key"),
                          ("contested", "joins facts ['F1', 'F11', 'F12', 'F16', 'F5', 'F7']"),
                          ("corroborated", "joins facts ['F1', 'F11', 'F26', 'F5', 'F7']"),
                          ("corroborated", "joins facts ['F1', 'F15', 'F2']"),
                          ("corroborated", "joins facts ['F16', 'F17', 'F24']"),
                          ("denied", "F23 is corroborated in the key")],
               "set_as": [("contested", "F1 is corroborated in the key"), ("contested", "F5 is corroborated in the key"),
                          ("contested", "F6 is corroborated in the key"), ("contested", "joins facts ['F1', 'F7', 'F8', 'F9']"),
                          ("contested", "joins facts ['F20', 'F4']"), ("corroborated", "joins facts ['F16', 'F26']")],
               # sets AT and AU (session 46) as first read: AT's morning and 11:30 tolls of the regional administration
               # and the final toll set at odds with other counts of the day, the Kremenchuk fire's putting out joined
               # with Ryazan's small fire; AU (held out) pinned as read, not studied
               "set_at": [("contested", "F11 is corroborated in the key"),
                          ("contested", "F11 is corroborated in the key"),
                          ("contested", "F12 is corroborated in the key"),
                          ("contested", "F15 is corroborated in the key"),
                          ("corroborated", "joins facts ['F28', 'F8']")],
               "set_au": [("contested", "F1 is corroborated in the key"),
                          ("contested", "F24 is corroborated in the key"),
                          ("contested", "F4 is single-source in the key"),
                          ("contested", "joins facts ['F1', 'F2']"),
                          ("corroborated", "joins facts ['F10', 'F4']")],
               # sets AV and AW (session 47, held out) as first read
               "set_av": [("corroborated", "joins facts ['F20', 'F21', 'F22']"),
                          ("corroborated", "joins facts ['F25', 'F3', 'F32', 'F4']"),
                          ("denied", "F8 is corroborated in the key")],
               "set_aw": [("contested", "F10 is corroborated in the key"),
                          ("contested", "F10 is corroborated in the key"),
                          ("contested", "F10 is corroborated in the key"),
                          ("contested", "joins facts ['F15', 'F17', 'F20', 'F21', 'F22']"),
                          ("corroborated", "joins facts ['F12', 'F13', 'F25']"),
                          ("corroborated", "joins facts ['F12', 'F15', 'F20', 'F22', 'F4', 'F5', 'F9']"),
                          ("denied", "F20 is corroborated in the key"),
                          ("denied", "F29 is corroborated in the key"),
                          ("denied", "F34 is single-source in the key")],
               # sets AX and AY (session 47, held out) as first read
               "set_ax": [("contested", "F2 is corroborated in the key"),
                          ("contested", "joins facts ['F1', 'F2', 'F3', 'F33']"),
                          ("contested", "joins facts ['F1', 'F2', 'F3', 'F8', 'F9']"),
                          ("contested", "joins facts ['F5', 'F7', 'F9']"),
                          ("corroborated", "joins facts ['F1', 'F4']"),
                          ("denied", "F10 is corroborated in the key"),
                          ("denied", "F22 is corroborated in the key")],
               "set_ay": [("contested", "F20 is corroborated in the key"),
                          ("contested", "F20 is corroborated in the key"),
                          ("corroborated", "joins facts ['F1', 'F2', 'F3', 'F4', 'F7']"),
                          ("corroborated", "joins facts ['F3', 'F4', 'F6', 'F8']"),
                          ("corroborated", "joins facts ['F4', 'F6', 'F8']"),
                          ("denied", "F28 is contested in the key"),
                          ("denied", "F9 is corroborated in the key")],
               # sets AZ and BA (session 48, held out) as read on the session's last code
               "set_az": [("contested", "F11 is corroborated in the key"),
                          ("corroborated", "joins facts ['F18', 'F19', 'F20', 'F21']"),
                          ("denied", "F18 is corroborated in the key"),
                          ("denied", "F32 is corroborated in the key")],
               "set_ba": [("contested", "F5 is corroborated in the key"),
                          ("denied", "F12 is corroborated in the key"),
                          ("denied", "joins facts ['F1', 'F16', 'F7', 'F9']")],
               # sets BB and BC (session 49, held out) as read on the session's last code
               "set_bb": [("contested", "F9 is corroborated in the key"),
                          ("contested", "joins facts ['F1', 'F10', 'F11', 'F4', 'F9']"),
                          ("contested", "joins facts ['F1', 'F2', 'F3', 'F4', 'F7', 'F8']"),
                          ("corroborated", "joins facts ['F11', 'F2', 'F3', 'F4', 'F6']"),
                          ("denied", "joins facts ['F1', 'F20', 'F21']")],
               "set_bc": [("corroborated", "joins facts ['F1', 'F12', 'F4']"),
                          ("corroborated", "joins facts ['F1', 'F17', 'F4']"),
                          ("corroborated", "joins facts ['F10', 'F4', 'F5']"),
                          ("corroborated", "joins facts ['F13', 'F3']"),
                          ("corroborated", "joins facts ['F14', 'F15']"),
                          ("corroborated", "joins facts ['F3', 'F4', 'F7']"),
                          ("corroborated", "joins facts ['F4', 'F9']")],
               # sets BD and BE (session 50, held out) as read on the session's last code
               "set_bd": [("contested", "joins facts ['F1', 'F3', 'F34']"),
                          ("corroborated", "joins facts ['F19', 'F8']"),
                          ("corroborated", "joins facts ['F32', 'F5']")],
               "set_be": [("contested", "joins facts ['F12', 'F13', 'F6', 'F7', 'F8']"),
                          ("contested", "joins facts ['F22', 'F6', 'F7', 'F8']")],
               # sets BF and BG (session 51, held out; tuning since session 52, whose 'risen to seven' rule took BF's F6
               # out of contest)
               "set_bf": [("contested", "F8 is single-source in the key"),
                          ("corroborated", "joins facts ['F15', 'F34']")],
               "set_bg": [("contested", "holds a furniture line"),
                          ("corroborated", "joins facts ['F11', 'F36']")],
               # sets BH and BI (session 52, held out) as read; session 53 (tuning): the city's "up to 40,000" households
               # without heating disagree with the region's "about 12,000", so the stories joining them are contested
               "set_bh": [("contested", "joins facts ['F10', 'F20']"),
                          ("contested", "joins facts ['F10', 'F31', 'F36', 'F6']"),
                          ("denied", "F13 is corroborated in the key")],
               "set_bi": [("contested", "F22 is corroborated in the key"),
                          ("corroborated", "joins facts ['F13', 'F14', 'F16', 'F17']"),
                          ("corroborated", "joins facts ['F27', 'F8']")],
               # sets BJ and BK (session 53, held out) as read
               "set_bj": [("corroborated", "joins facts ['F10', 'F13', 'F32']")],
               "set_bk": [("contested", "F8 is corroborated in the key"), ("contested", "F9 is corroborated in the key"),
                          ("contested", "F9 is corroborated in the key"),
                          ("contested", "joins facts ['F33', 'F35', 'F4', 'F6', 'F7']"),
                          ("corroborated", "joins facts ['F4', 'F5', 'F6', 'F7']")]}
# look-alike facts a set's stories still join: set K's two villages claimed captured in one briefing
# (session 32: K's Valuyki depot denial, whose own case tells the debris on a warehouse, sits with the strike it denies)
KNOWN_LOOK_ALIKE = {"set_k": [("F29", "F30"), ("F33", "F34")],
                    # set L: the Kovel junction's strike with its dead, the port's fires with the grain terminal
                    "set_l": [("F3", "F4")],
                    # set AQ (session 44, held out): the night's drones over Russia with those over the Rostov region
                    "set_aq": [("F23", "F24")],
                    # set AS (session 45, held out): the bus station's toll with the machine plant's
                    "set_as": [("F7", "F9")],
                    # set BK (session 53, held out) as read
                    "set_bk": [("F4", "F5")],
                    # (set M's Rossosh depot with last month's Liski depot and set N's Lozova station strike with
                    # the depot hit there in September are apart since session 33: a member's day counts when the
                    # lead names none)
                    # set O: the grain ship hit in Izmail with the patrol ship hit off Novorossiysk
                    "set_o": [("F16", "F2")],
                    "set_n": [("F6", "F15")],
                    # set W: one sentence of the ministry's, "destroyed five Ukrainian uncrewed boats … and \"a naval
                    # drone workshop\" near Odesa"
                    "set_w": [("F11", "F12")],
                    # set AA (session 37): the claimed capture of Synkivka with the claimed hit on a drone workshop
                    "set_aa": [("F19", "F20")],
                    # sets AC and AD (session 38): the depot strike with the drones downed; the ministry's and the
                    # governor's drone counts; the drone debris with the embassy's denial
                    "set_ac": [("F18", "F19"), ("F20", "F21")], "set_ad": [("F18", "F19")],
                    # set AF (session 39): one sentence telling both missiles' hits, the hospital's and the office's
                    "set_af": [("F3", "F4")],
                    # set AG (session 40): the claimed capture of Bila Hora with Kyiv's word that fighting goes on there
                    "set_ag": [("F26", "F27")],
                    # set AK (session 42): the depot's debris with its tanks hit; the think tank's month of strikes on
                    # Kharkiv with the day's
                    "set_ak": [("F18", "F19"), ("F28", "F1")],
                    # set AM (session 43): the ministry's "23 drones had been downed over the region and insisted no
                    # aircraft had been damaged", a denial now, joins the airfield strike's story it denies
                    "set_am": [("F14", "F15")],
                    # set AN (session 43): Saturday's shelling of the border town with Friday's
                    "set_an": [("F13", "F15")],
                    # sets AT and AU (session 46): the Kremenchuk fire put out with Ryazan's small fire; AU (held out)
                    # pinned as read
                    "set_at": [("F8", "F28")],
                    "set_au": [("F4", "F10")],
                    # set AV (session 47, held out) as first read
                    "set_av": [("F20", "F22")],
                    # set AY (session 47, held out) as first read
                    "set_ay": [("F28", "F29")],
                    # set BD (session 50, held out) as read
                    "set_bd": [("F16", "F17"), ("F5", "F32")],
                    # sets BF and BG (session 51, held out) as read
                    "set_bf": [("F15", "F34")], "set_bg": [("F36", "F11")]}
# false-friend denials in denied stories, by set: none now (set I's "Kyiv refused to take part in talks" sat in
# a denied story until session 30, when that story became contested for the exchange's disputed bodies)
# set AA (session 37): a think tank's line telling Moscow's claimed capture and that it saw no evidence for it, which
# the key lists as no denial, sits with the capture in its denied story
# set AR (session 45): one false friend the key lists sits in a denied story
# set BB (session 49, held out): one false friend the key lists sits in a denied story, as first read
KNOWN_FALSE_DENIALS: dict[str, int] = {"set_aa": 1, "set_ar": 1, "set_bb": 1}

# facts whose sentences sit in a corroborated story and in a contested or denied one (issue 12: one fact, one
# verdict), as the bench first counted them (session 48, d8dd15d): the same claim told in two event clusters (set
# AO's ministry claim of a deployment point, denied on the Ukrainian pages' side, corroborated by the Russian and
# the think tank's), an earlier toll corroborated beside its contested later readings (the key files them under
# one fact), a held village's statement corroborated as its own fact. A change that moves one shows here
KNOWN_TWO_VERDICTS = {"set_aa": ["F1", "F26", "F30"], "set_ab": ["F5"], "set_ac": ["F13", "F19"], "set_ad": ["F18"],
                      "set_af": ["F11", "F12", "F9"], "set_ai": ["F24"], "set_aj": ["F2", "F23"],
                      "set_ak": ["F19"], "set_al": ["F21", "F6"], "set_am": ["F14", "F17", "F6"],
                      "set_an": ["F21", "F6", "F8"], "set_ao": ["F1", "F20", "F21", "F8"], "set_ar": ["F11"],
                      "set_as": ["F16", "F23", "F27", "F9"], "set_at": ["F15"], "set_au": ["F1", "F4"],
                      "set_av": ["F4"], "set_aw": ["F15"], "set_ax": ["F8", "F9"], "set_ay": ["F28"],
                      "set_g": ["F40"], "set_k": ["F4"], "set_l": ["F17", "F3", "F4", "F5"],
                      "set_m": ["F11", "F6", "F8", "F9"], "set_n": ["F19", "F6"], "set_o": ["F16", "F2"],
                      "set_p": ["F10", "F12", "F23"], "set_r": ["F16"], "set_v": ["F11"], "set_w": ["F24"],
                      "set_x": ["F4"], "set_y": ["F19"], "set_z": ["F19"],
                      # set BE (session 50, held out) as read
                      "set_be": ["F23", "F7"],
                      # set BF (session 51, held out) as read; session 52's pointed-back "calls this a lie" put the
                      # Myrhorod claim's corroborated copies in its denied story (F22)
                      "set_bf": ["F7"],
                      # sets BH and BI (session 53, tuning): the homes without heating and the plant's hours on its
                      # generators are contested now, while a sentence telling only that the plant ran on them (BI's
                      # line cut "forcing the station to rely on emergency" generators) or the evening's remaining
                      # homes (BH) still sit in corroborated stories
                      "set_bh": ["F10"], "set_bi": ["F9"],
                      # sets AZ and BA (session 48, held out) as read on the session's last code
                      "set_az": ["F18"], "set_ba": ["F12", "F5"],
                      # sets BJ and BK (session 53, held out) as read
                      "set_bj": ["F10"], "set_bk": ["F33"]}


def test_no_story_joins_two_facts_and_no_denied_story_is_wrong(scored):
    name, _, result = scored
    wrong = [(status, why) for status, _, why in result["wrong"]
             if "joins" in why or "furniture" in why or status != "corroborated"]
    assert sorted(wrong) == sorted(KNOWN_WRONG.get(name, []))
    assert result["must_not_join_together"] == KNOWN_LOOK_ALIKE.get(name, [])
    assert result["verdicts"]["corroborated"].get("right", 0) >= NOW[name][0]


def test_a_fact_split_between_opposite_verdicts_is_a_known_one(scored):
    name, _, result = scored
    assert result["two_verdicts"] == KNOWN_TWO_VERDICTS.get(name, [])


def test_denials_deny_what_they_mean_and_refusals_deny_nothing(scored):
    name, _, result = scored
    assert result["denials_found"][0] >= NOW[name][1]
    assert result["not_denials_in_denied_stories"][0] == KNOWN_FALSE_DENIALS.get(name, 0)


def test_disputed_figures_share_a_contested_story(scored):
    name, _, result = scored
    assert result["conflicts_found"][0] >= NOW[name][2]
    known = sum(status == "contested" for status, _ in KNOWN_WRONG.get(name, []))
    assert result["verdicts"].get("contested", {}).get("wrong", 0) == known


# stories counting a rewrite the reader does not see as one more source: set V's brief retelling three of the
# wire's sentences, one of them reworded past `rewrites.SENTENCE_SHARE` ("Three people died and eight were hurt,
# all of them railway staff" for "… were killed and eight injured, all of them railway employees"), fewer than
# `rewrites.MIN_SENTENCES`
KNOWN_OVERCOUNTED = {"set_v": ["eight injured, all of them railway employees, Kovalchuk said.",
                               "In Kirovohrad region, a Russian missile struck a railway depot in the town of Znamianka "
                               "shortly before 6 a.m., regional governor Andriy Kovalchuk said."],
                     # session 39: pages dated now by their breadcrumbs show two faults their missing dates had hidden.
                     # AD: Zakhid Today's page, published the same day as KNN's live page and ingested first, is read
                     # as a page KNN's live page retells sentence by sentence (a same-day tie goes to the order of
                     # ingest), so KNN's own lines count under Zakhid Today too. X: Westmark's two pages name no outlet
                     # the reader accepts (their titles end "Westmark News", their logo says "Westmark Broadcasting"),
                     # so each counts as a source of its own once the dated check lets their tolls share a story
                     "set_ad": ["At 6 a.m., about 520,000 households in the two regions were without electricity, "
                                "regional distributor Karpaty Energy said.",
                                "By evening, the governor said 14 people had been injured in the region."],
                     "set_x": ["40 wounded on Wednesday evening.", "At least 11 people were killed"],
                     # set AP (session 44): a quotation's opening words the live page and the wire print alike
                     "set_ap": ["\u201cRescuers are still working"],
                     # set AS (session 45, held out): the eastern grouping's quoted words the wire and a rewrite print alike
                     "set_as": ["\u201cVyshneve Pole is under the control of the Defence Forces of Ukraine,\u201d a spokesperson "
                                "for Ukraine's eastern military grouping told Meridian, adding that Russian assault groups had "
                                "tried and failed to enter the village."],
                     # set AY (session 47, held out) as first read: a story counting a source more than its origins
                     "set_ay": ["KYIV, Mar 12 (Northline) - Russian ballistic missiles struck a mining and processing plant in the central Ukrainian city of Kryvyi Rih before dawn on Tuesday, knocking out power to its shafts and trapping 214 miners underground, the company and regional officials said."]}
# session 41: AI's first look counted one source too many: TEB News's next-day page retells four sentences of Vorskla
# Today's in other words, so the whole page was read as Vorskla's (`sourcing.WHOLE_RETOLD`), its own line on Moscow's
# "training centre" claim too, which Vorskla never printed; a retelling's lines telling what its source never said
# are its own now (`RewriteText.own_lines`)
# session 41: AG's Pivdenna Khvylia page saved without its address is keyed by the domain its sibling page gives the
# name (`store.sites`), no longer counted as a second outlet


def test_a_wire_story_and_its_copies_count_once(scored):
    name, key, result = scored
    origin_of = {a["file"]: a["origin"] for a in key["articles"]}
    overcounted = []
    for story in result["ledger"]:
        origins = {origin_of[result["doc_files"][m["document"]]] for m in story["mentions"]}
        if story["independent_sources"] > len(origins):
            overcounted.append(story["text"])
    assert sorted(overcounted) == sorted(KNOWN_OVERCOUNTED.get(name, []))


def test_the_bench_sums_the_sets_and_names_those_whose_figures_moved():
    now = {"set_a": {"found": 10, "conflicts": 2}, "set_b": {"found": 5, "conflicts": 1}}
    before = {"set_a": {"found": 9, "conflicts": 2}, "set_b": {"found": 5, "conflicts": 1}}
    assert bench.totals(now) == "== total over 2 sets: found 15; conflicts 3"
    lines = bench.totals(now, before).splitlines()
    assert lines[0] == "== total over 2 sets, before -> now: found 14 -> 15; conflicts 3"
    assert lines[1:] == ["   set_a: found 9 -> 10"]
