"""The card guard's English: where a word is a topic a card never raises, and where it is not.

Plain data with no Textual, read by ``guard``. Every rule is a word in its context ("my notice
period", "85k base"), with the spans where the same word is harmless ("at short notice", "I pay
close attention", "Pay.UK", "the benefits of peer tutoring").
"""

from __future__ import annotations

from followup_tui.domain.card.guard_rules import AMOUNT, GuardData, Rule, words

OTHERS = words(
    r"patients?|pupils?|students?|learners?|(?<!my\s)(?<!our\s)(?:children|kids)|clients?|residents?"
    r"|customers?|users?|service users?|people|families|staff|colleagues?|carers?|adults|women|mothers"
    r"|veterans|participants|cases?|caseload|ward|clinic|charts?|app|platform|research|study|trials?"
    r"|campaign|workshops?|training|course|programme|policy|service|project|feature|demo|tool|product|unit"
    r"|pharmacy|your|their|speciali[sz]\w+"
    r"|experience|worked|working|career|degree|master['’]s|qualified|trained|nurse|nursing|care|theatres?"
    r"|department|practice",
)
"""The people and work a condition belongs to when it is the job, not the user's own."""

_FAMILY = (
    r"(?:mum|mom|mother|dad|father|parents?|husband|wife|partner|brother|sister|son|daughter|grand\w+"
    r"|gran|nan|uncle|aunt|best friend|baby|child|children|kids?|twins|toddler)"
)
_FORMER = (
    r"(?:(?:my|our|the)\s+(?:last|old|former|previous|ex-?|current|old)\s+"
    r"(?:boss|manager|line manager|employer|company|firm|team|team lead|lead|supervisor|head|director|cto|ceo"
    r"|colleagues?|co-?workers?|workplace|job|school|practice|restaurant|kitchen|head chef|chef|agency"
    r"|organi[sz]ation|place|trust|hospital|store|shop)"
    r"|my\s+(?:ex-?\s*)?(?:boss|manager|line manager|supervisor|employer|head chef|company|colleagues?))"
)
_SAY = r"(?:say|mention|tell\s+(?:her|him|them|you))"

_PAY_WORDS = words(
    r"salary|salaries|wages?|remuneration|OTE|on-target earnings|base salary|day rate|hourly rate|my rate"
    r"|overtime (?:pay|rates?)|paid overtime|compensation package|total compensation|bonus(?:es)?|equity"
    r"|stock options|share options|RSUs?|vesting|signing bonus|sign-on bonus|underpaid|pay rise|payrise"
    r"|a raise|(?:total|base)\s+comp|(?-i:TC)"
    r"|(?:my|the|your|their)\s+comp(?=\s+(?:target|expectations?|package|range|band|is|was|would|will|they|you|of|for))|comp\s+(?:target|expectations?|package|range|band)"
    r"|(?:my|the|an?)\s+hourly(?!\s+(?:basis|updates?|checks?|rounds?|reports?))|six[- ]figures?",
)
_PAY_NOUN = words(
    r"(?:the|my|your|their|base|basic|take-home|higher|better|more|less|starting|hourly|"
    r"monthly|equal|decent|good|low)"
    r"\s+pay",
    r"pay\s+(?:rise|raise|increase|cut|band|grade|scale|range|review|package|gap|is|was|"
    r"would|will|for|on|of)",
    r"(?:they|you|would|will|to|can|could|might)\s+pay\s+(?:me|more|well|better|less|[£€$\d])",
    r"(?:get|got|getting|be|being|was|am|were)\s+paid",
    r"(?:well|badly|poorly|better|fairly|paid)[- ]paid",
    r"paid\s+(?:more|less|well|hourly|monthly|[£€$\d])",
    r"commission(?:s|-based)?",
    r"compensation",
    r"earn(?:s|ed|ing)?\s+(?:[£€$\d]|more|less|around|about|well)",
    "earnings",
    r"(?:rate|need|want|on|at least|around|about|charge|charging)\s+(?:(?:of|is|was)\s+)?[£€$]?\d[\d.,]*k?\s*"
    r"(?:an|a|per|/)\s*(?:hour|hr|day|year|yr|annum|month)",
)
_BUSINESS = words(
    r"saved|saving|savings|cut|cutting|reduced|budgets?|revenue|ARR|MRR|sales|deals?|contracts?|pipeline"
    r"|funding|raised|raising|costs?|spend|turnover|worth|grants?|donations?|invoices?|portfolio|users"
    r"|customers|downloads|followers|subscribers|steps|run|ran|running|marathon|turned over|race|views"
    r"|lines|rows|records|requests|members|words|orders|covers|bookings|fundraising|target|quota|profit"
    r"|margin|campaign",
)
"""An amount in a sentence with one of these is a business figure ("cut £40k of costs")."""

DATA = GuardData(
    topics={
        "health": (
            Rule(
                words(
                    r"(?<!I['’])ill(?:ness(?:es)?)?|unwell|sick|diagnos\w+|disab\w+|depression|depressed"
                    r"|anxiety|panic attacks?|ADHD|autis\w+|dyslexi\w+|dyspraxia|bipolar|PTSD|OCD"
                    r"|mental health|cancer|tumou?r|surgery|(?:an|my|the) operation"
                    r"|(?:a|my|the) (?:chronic|long-term|medical|health|heart|back|knee) (?:condition|"
                    r"problem|issue)s?"
                    r"|chronic (?:pain|fatigue|illness)|injur(?:y|ies|ed)|covid|hospitali[sz]ed|in hospital"
                    r"|medication|meds|medicine|antidepressants?|sertraline|insulin|therapy|therapist"
                    r"|counsell?ing|counsell?or|psychiatrist|diabet(?:es|ic)|epilep(?:sy|tic)|asthma"
                    r"|deaf|hard of hearing|blind|visually impaired|hearing aids?|partially sighted"
                    r"|a stroke|heart attack|health (?:issues?|problems?|scare|reasons)"
                    r"|recover(?:y|ing|ed) from",
                ),
                about_self=True,
            ),
            Rule(
                words(
                    r"sick leave|sick note|fit note|signed off|off sick|long-term sick|medical leave"
                    r"|burn-?out|burnt out|burned out|breakdown|migraines?|chemo\w*|radiotherapy|long covid"
                    r"|my diagnosis|my health|my condition|my GP|my doctor|my consultant said",
                ),
                not_for_others=True,
            ),
        ),
        "personal life": (
            Rule(words(r"(?:I['’]?m|I am|as)\s+an?\s+\d{2}[- ]years?[- ]old")),
            Rule(
                words(
                    r"divorced?|divorcing|separat(?:ed|ion)|split up|break-?up|pregnan\w+|expecting a baby"
                    r"|IVF|fertility|adopting|childcare|widow\w*",
                    r"\d{2}[- ]years?[- ]old",
                ),
                about_self=True,
            ),
            Rule(
                words(
                    r"maternity leave|paternity leave|parental leave|baby (?:is )?due|miscarriage"
                    r"|school run|nursery (?:pick-?ups?|drop-?offs?|fees|hours)",
                    rf"(?:pick(?:ing)? up|drop(?:ping)? off|look(?:ing)? after|car(?:e|"
                    rf"ing) for) my (?:\w+ )?{_FAMILY}s?",
                    r"(?:wife|partner|girlfriend|husband)(?:\s+\w+){0,2}\s+(?:is|['’]s)\s+(?:due|expecting)",
                    "single (?:mum|mom|mother|dad|father|parent)",
                    r"bereave\w+",
                    "grief",
                    "grieving",
                    "funeral",
                    "compassionate leave",
                    rf"{_FAMILY}(?:'s)?(?:\s+\w+){{0,3}}\s+(?:died|passed away|passed)",
                    rf"lost my {_FAMILY}",
                    "(?:near|nearing|close to|approaching) retirement",
                    r"(?:at|past|for) my age",
                    "too old",
                    r"I(?:['’]?m| am)\s+\d{2}(?![\d%])(?!\s+(?:years?|months?)\s+(?:of|in|into|at|with))"
                    r"(?!\s+(?:minutes?|mins|miles|km|hours?|percent|per cent|stops?))",
                    "in my (?:forties|fifties|sixties|40s|50s|60s)",
                    "before I retire",
                    "younger (?:candidates|people|applicants)",
                ),
                not_for_others=True,
            ),
        ),
        "complaints about past work": (
            Rule(
                words(
                    r"bull(?:y|ies|ied|ying)|toxic|awful|terrible|horrible|nightmare|useless|incompetent"
                    r"|clueless|hopeless|lazy|rude|unfair\w*|hated?|worst"
                    r"|was a (?:mess|disaster|shambles|joke)|micromanag\w+|took (?:the )?credit|lied|liars?"
                    r"|shouted|screamed|yelled|belittled|undermined|never listened|didn'?t care"
                    r"|did not care|exploit\w+|undervalued|disrespect\w*|gaslit|gaslighting|favou?ritism"
                    r"|played favou?rites|backstabbing|idiot\w*|unprofessional|dysfunctional"
                    r"|(?:badly|poorly) run|mismanag\w+|(?:pushed|forced) (?:me )?out"
                    r"|treated (?:me|us) (?:badly|like)|impossible"
                    r"|(?:is|was) the reason I(?:['’]m| am)? (?:leaving|left)",
                ),
                needs=words(_FORMER, "where I (?:used to )?work(?:ed)?", "my (?:last|old|previous) job"),
            ),
            Rule(
                words(
                    r"toxic (?:workplace|culture|environment|team|boss|manager|place|management)"
                    r"|(?:was|got|being|been|felt)\s+(?:bullied|harassed|mobbed|picked on)"
                    r"|took credit for my|constructive dismissal|employment tribunal|grievance against",
                ),
            ),
        ),
        "pay": (
            Rule(_PAY_WORDS),
            Rule(_PAY_NOUN),
            Rule(AMOUNT, unless=_BUSINESS),
            Rule(
                words(r"\d[\d.,]*\s?grand", r"base\s+(?:is|was|of|around|about)\s+[£€$]?\d+(?:[.,]\d+)*k?"),
                unless=_BUSINESS,
            ),
        ),
        "benefits": (
            Rule(
                words(
                    r"(?:the|your|their|employee|staff|company|fringe|health|medical|dental|good|great|"
                    r"generous)\s+benefits"
                    r"|benefits\s+(?:package|like|such as|are|were|include|on offer)|benefits package|perks"
                    r"|pension(?:s)?\s+(?:scheme|contributions?|match|plan)|(?:my|the|a) pension"
                    r"|health insurance|private (?:medical|health) (?:insurance|cover)"
                    r"|dental (?:plan|cover)|company car|car allowance|gym membership|cycle to work"
                    r"|relocation (?:package|allowance|payment|support|budget)"
                    r"|(?:childcare|travel|lunch|meal) vouchers|private healthcare",
                ),
            ),
        ),
        "holidays": (
            Rule(
                words(
                    r"(?:\d+|thirty|twenty[- ]\w+|twenty|how many|days of|weeks of|days'|"
                    r"weeks')\s+(?:days\s+(?:of\s+)?)?(?:holidays?|vacation|annual leave|PTO)"
                    r"|holiday (?:allowance|entitlement|days|policy|pay|booked|leave)"
                    r"|(?:my|a|our) (?:holiday|vacation) (?:in|to|booked|next|abroad)"
                    r"|(?:on|booked a|booked my|planned a) (?:holiday|vacation)"
                    r"|vacation (?:days|time|policy|allowance)|PTO|annual leave|time off|days off"
                    r"|(?:the|a|two|three|\d+)\s+(?:days?|weeks?)\s+off"
                    r"|unlimited (?:holidays?|leave|vacation)"
                    r"|(?:holidays|vacation) (?:are|is|were|was) (?:generous|good|great)",
                ),
            ),
        ),
        "notice periods": (
            Rule(
                words(
                    r"notice periods?"
                    r"|(?:\d+|one|two|three|four|five|six|eight|twelve|a|a month's|a week's|"
                    r"\w+[- ]weeks?['’]?|\w+[- ]months?['’]?)\s+notice"
                    r"|my notice"
                    r"|(?:hand|handed|handing|give|gave|giving|serve|serving|work|working|"
                    r"put)\s+(?:in\s+)?(?:my\s+)?notice"
                    r"|garden leave",
                ),
                unless=words("landlord", "tenancy", "flat", "lease", "letting agent", "house"),
            ),
        ),
    },
    harmless=(
        words(
            r"blind (?:spots?|tastings?|test\w*|reviews?|auditions?)|double-blind|blinds",
            r"pay(?:s|ing)?\s+(?:close\s+|careful\s+|more\s+|special\s+|particular\s+)?attention"
            r"|pa(?:y|ys|id|ying)\s+off"
            r"|pay\s+(?:tribute|a visit|homage|respects?|it forward|back|as you go)|Pay\.UK"
            r"|(?:Apple|Google|Samsung|Amazon|Shop)\s+Pay|payment terms"
            r"|(?:short|a moment's|no|little|last-minute|a day's|an hour's)\s+notice|took notice"
            r"|benefits?\s+(?:of|to|for|from)|benefits\s+(?:advice|advisers?|claimants?|system|office|team)"
            r"|compensation claims?|commission(?:ed|ing)"
            r"|(?:European|Care Quality|Electoral|Law|Charity|Gambling|Equality and Human Rights|"
            r"the)\s+(?-i:Commission)"
            r"|raise (?:a|an|the|awareness|money|funds|standards|concerns?|questions?|issues?)"
            r"|(?:health|racial|gender|educational|digital|pay)\s+equity"
            r"|equity\s+(?:and|of|in)\s+(?:inclusion|access|care|education|outcomes)|diversity, equity"
            r"|(?:speech|occupational|physical|physio|music|art|play|drama|language|massage|"
            r"respiratory|radiation)\s*therap\w+",
            r"mental health\s+(?:first aid\w*|awareness|champions?|team|services?|trust|nurs\w+|"
            r"ward|charity|support workers?"
            r"|practitioners?|lead|policy|strategy|app|platform|week|training|provision|unit)",
            r"health\s*(?:care|tech|and safety|service|board|visitor)",
            r"(?:in|into)\s+childcare",
            r"childcare\s+(?:settings?|sector|workers?|practitioners?|providers?|centres?|"
            r"qualifications?|level)",
            "separation of (?:concerns|duties)",
            r"(?:grief|bereavement)\s+(?:support|counsell\w+|services?|groups?|line)",
            r"funeral\s+(?:directors?|homes?|services?|parlou?rs?)",
            r"stroke\s+(?:wards?|units?|patients|rehab\w*|nurs\w+)",
            r"claim\w*\s+(?:\w+\s+)?benefits",
            r"as a bonus|bonus points|an added bonus|a real bonus|bonus round|bonus track",
            "Christmas holidays rush|holiday (?:season|rush|menus?|period|cover|lets?|park|camps?|club)",
            "bank holiday",
            "operation(?:s|al)",
            "raise the",
            "sick of",
            r"ill-(?:advised|judged|fitting)",
            r"\d+k\s+(?:run|race|users|customers|followers|downloads|steps|views|lines|rows|"
            r"records|requests|members|words)",
        ),
    ),
    self_words=words(
        r"my|me|myself|mine|I'?m|I am|I was|I'?ve|I have|I had|I'?d|I got|I get"
        r"|I (?:suffer|struggle|live|take|took|went|spent|need|needed|couldn'?t|could not|deal|"
        r"dealt|manage)\w*"
        r"|we(?:['’]re| are| were| have| had|['’]ve)|I use",
    ),
    others=OTHERS,
    topic_hints={
        "health": "Your health is yours to share; the card needs none of it.",
        "personal life": "Private life can stay private; the card is about the role.",
        "complaints about past work": "Leave out criticism of past work; say what draws you here.",
        "pay": "Pay is for the offer talk; the card is for thanks.",
        "benefits": "Benefits come with an offer; keep them for that talk.",
        "holidays": "Time off is for the offer stage, not the card.",
        "notice periods": "Notice and start dates are for the offer stage.",
    },
    phrases={
        "sorry": "State the fact calmly; no need to apologise for it.",
        "apologise": "A card that adds a detail reads better than one that apologises.",
        "apologize": "A card that adds a detail reads better than one that apologises.",
        "apologies": "A card that adds a detail reads better than one that apologises.",
        "I forgot": "Say what you want to add; they do not need to hear that you forgot.",
        "forgot to say": "Say the thing itself; they do not need to hear that you forgot.",
        "forgot to mention": "Say the thing itself; they do not need to hear that you forgot.",
        "didn't mention": "Just add the detail; no need to point out that it was missing.",
        "I didn't say": "Just add the detail; no need to point out that it was missing.",
        "messed up": "Name the detail you want to add, not the mistake.",
        "screwed up": "Name the detail you want to add, not the mistake.",
        "I know I": "Leave out guesses about how you came across.",
        "desperate": "Keen reads well; desperate does not.",
        "I'm not good at": "Describe what you do well instead.",
        "I am not good at": "Describe what you do well instead.",
        "just wanted": "Drop the 'just': say it plainly.",
        "I failed": "Say what you would add now, not how you judge the answer.",
        "I was nervous": "Everyone is nervous; the card is about the role, not the nerves.",
        "I panicked": "Leave out how it felt; add what you know.",
        "rambled": "Leave out the verdict on your answer; add the point itself.",
        "forgive me": "There is nothing to forgive; add the detail.",
        "my mistake": "Name the detail you want to add, not the mistake.",
        "my bad": "Name the detail you want to add, not the mistake.",
        "I blew it": "Leave out the verdict; add the detail.",
        "another chance": "Ask to continue the conversation rather than for another chance.",
        "I hope you don't mind": "Say it directly.",
        "I guess": "Be definite: you know what you can do.",
        "hopefully": "Be definite about what you want.",
        "stupid": "Leave out harsh words about yourself.",
        "awkward": "Leave out how the moment felt; add the detail.",
        "embarrass": "Leave out how the moment felt; add the detail.",
        "I should have": "Say what you would like to add now.",
        "should've": "Say what you would like to add now.",
        "I wish I had": "Say what you would like to add now.",
        "you should know": "Share it as a fact about your work; the card asks nothing of them.",
        "you need to know": "Share it as a fact about your work; the card asks nothing of them.",
        "tell her": "This reads as a note to yourself: write it to them (“I led …”).",
        "tell him": "This reads as a note to yourself: write it to them (“I led …”).",
        "tell them": "This reads as a note to yourself: write it to them (“I led …”).",
        "mention that": "This reads as a note to yourself: write it to them (“I led …”).",
        "remember to say": "This reads as a note to yourself: write it to them (“I led …”).",
        "don't forget to": "This reads as a note to yourself: write it to them (“I led …”).",
        "note to self": "This reads as a note to yourself: write it to them (“I led …”).",
    },
    patterns={
        "didn't mention": r"did(?:n['’]t| not) mention",
        "I didn't say": r"I did(?:n['’]t| not) say",
        "should've": r"should['’]?ve",
        "I wish I had": r"I wish I(?: had|['’]d)",
        "you should know": r"you (?:should|ought to|must) know",
        "don't forget to": r"do(?:n['’]t| not) forget to",
        "mention that": r"(?:^|(?<=[.!?]\s)|(?<=\n))(?:mention|say)(?:\s+that)?",
        "remember to say": rf"remember to {_SAY}",
        "tell her": r"(?:^|(?<=[.!?]\s)|(?<=\n))tell her",
        "tell him": r"(?:^|(?<=[.!?]\s)|(?<=\n))tell him",
        "tell them": r"(?:^|(?<=[.!?]\s)|(?<=\n))tell them",
    },
    stems=frozenset({"apologise", "apologize", "desperate", "embarrass"}),
    notes_to_self=frozenset(
        {
            "tell her",
            "tell him",
            "tell them",
            "mention that",
            "remember to say",
            "don't forget to",
            "note to self",
        }
    ),
)
"""English: the topics in context, the harmless spans, the phrases to avoid and every hint."""
