//! Word lists shared by the translation, consistency and pronoun rules: a small
//! gazetteer of proper nouns, closed-class words, institution and person nouns. Written
//! from general knowledge; lookups are by lower-case word through hash sets built once.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::LazyLock;

/// Countries that take no article in running English ("the Kazakhstan" is wrong).
pub const COUNTRIES_NO_ARTICLE: &[&str] = &[
    "Afghanistan",
    "Albania",
    "Algeria",
    "Andorra",
    "Angola",
    "Argentina",
    "Armenia",
    "Australia",
    "Austria",
    "Azerbaijan",
    "Bahrain",
    "Bangladesh",
    "Barbados",
    "Belarus",
    "Belgium",
    "Belize",
    "Benin",
    "Bhutan",
    "Bolivia",
    "Bosnia",
    "Botswana",
    "Brazil",
    "Brunei",
    "Bulgaria",
    "Burundi",
    "Cambodia",
    "Cameroon",
    "Canada",
    "Chile",
    "China",
    "Colombia",
    "Croatia",
    "Cuba",
    "Cyprus",
    "Denmark",
    "Djibouti",
    "Ecuador",
    "Egypt",
    "Eritrea",
    "Estonia",
    "Eswatini",
    "Ethiopia",
    "Fiji",
    "Finland",
    "France",
    "Gabon",
    "Georgia",
    "Germany",
    "Ghana",
    "Greece",
    "Grenada",
    "Guatemala",
    "Guinea",
    "Guyana",
    "Haiti",
    "Honduras",
    "Hungary",
    "Iceland",
    "India",
    "Indonesia",
    "Iran",
    "Iraq",
    "Ireland",
    "Israel",
    "Italy",
    "Jamaica",
    "Japan",
    "Jordan",
    "Kazakhstan",
    "Kenya",
    "Kiribati",
    "Kosovo",
    "Kuwait",
    "Kyrgyzstan",
    "Laos",
    "Latvia",
    "Lebanon",
    "Lesotho",
    "Liberia",
    "Libya",
    "Liechtenstein",
    "Lithuania",
    "Luxembourg",
    "Madagascar",
    "Malawi",
    "Malaysia",
    "Mali",
    "Malta",
    "Mauritania",
    "Mauritius",
    "Mexico",
    "Moldova",
    "Monaco",
    "Mongolia",
    "Montenegro",
    "Morocco",
    "Mozambique",
    "Myanmar",
    "Namibia",
    "Nauru",
    "Nepal",
    "Nicaragua",
    "Niger",
    "Nigeria",
    "Norway",
    "Oman",
    "Pakistan",
    "Palau",
    "Palestine",
    "Panama",
    "Paraguay",
    "Peru",
    "Poland",
    "Portugal",
    "Qatar",
    "Romania",
    "Russia",
    "Rwanda",
    "Samoa",
    "Senegal",
    "Serbia",
    "Singapore",
    "Slovakia",
    "Slovenia",
    "Somalia",
    "Spain",
    "Sweden",
    "Switzerland",
    "Syria",
    "Taiwan",
    "Tajikistan",
    "Tanzania",
    "Thailand",
    "Togo",
    "Tonga",
    "Tunisia",
    "Turkey",
    "Turkmenistan",
    "Tuvalu",
    "Uganda",
    "Ukraine",
    "Uruguay",
    "Uzbekistan",
    "Vanuatu",
    "Venezuela",
    "Vietnam",
    "Yemen",
    "Zambia",
    "Zimbabwe",
    "Greenland",
];

/// Capitals, major cities, continents and regions written as one word.
const PLACES: &[&str] = &[
    "Kyiv",
    "Kiev",
    "Moscow",
    "London",
    "Paris",
    "Berlin",
    "Madrid",
    "Rome",
    "Washington",
    "Beijing",
    "Tokyo",
    "Astana",
    "Almaty",
    "Tbilisi",
    "Yerevan",
    "Baku",
    "Minsk",
    "Warsaw",
    "Prague",
    "Vienna",
    "Budapest",
    "Bucharest",
    "Sofia",
    "Belgrade",
    "Zagreb",
    "Athens",
    "Ankara",
    "Istanbul",
    "Tehran",
    "Baghdad",
    "Damascus",
    "Beirut",
    "Jerusalem",
    "Cairo",
    "Riyadh",
    "Doha",
    "Dubai",
    "Delhi",
    "Mumbai",
    "Islamabad",
    "Kabul",
    "Tashkent",
    "Bishkek",
    "Dushanbe",
    "Ashgabat",
    "Helsinki",
    "Stockholm",
    "Oslo",
    "Copenhagen",
    "Riga",
    "Vilnius",
    "Tallinn",
    "Brussels",
    "Amsterdam",
    "Lisbon",
    "Dublin",
    "Edinburgh",
    "Geneva",
    "Zurich",
    "Munich",
    "Frankfurt",
    "Hamburg",
    "Milan",
    "Naples",
    "Barcelona",
    "Ottawa",
    "Toronto",
    "Montreal",
    "Chicago",
    "Boston",
    "Seoul",
    "Pyongyang",
    "Taipei",
    "Bangkok",
    "Hanoi",
    "Jakarta",
    "Manila",
    "Canberra",
    "Sydney",
    "Melbourne",
    "Nairobi",
    "Lagos",
    "Johannesburg",
    "Kharkiv",
    "Odesa",
    "Odessa",
    "Lviv",
    "Dnipro",
    "Mariupol",
    "Donetsk",
    "Luhansk",
    "Kherson",
    "Zaporizhzhia",
    "Crimea",
    "Donbas",
    "Sevastopol",
    "Petersburg",
    "Novosibirsk",
    "Yekaterinburg",
    "Samara",
    "Kazan",
    "Vladivostok",
    "Gaza",
    "Europe",
    "Asia",
    "Africa",
    "America",
    "Antarctica",
    "Oceania",
    "Eurasia",
    "Scandinavia",
    "Siberia",
    "Caucasus",
    "Balkans",
    "Tehran",
    "Karachi",
    "Lahore",
    "Shanghai",
    "Caracas",
    "Havana",
    "Bogota",
];

pub const DAYS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

pub const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Nationalities and languages (adjective and singular noun).
const NATIONALITIES: &[&str] = &[
    "Russian",
    "Ukrainian",
    "Kazakh",
    "Georgian",
    "Armenian",
    "Azerbaijani",
    "Belarusian",
    "American",
    "British",
    "English",
    "French",
    "German",
    "Italian",
    "Spanish",
    "Portuguese",
    "Polish",
    "Czech",
    "Slovak",
    "Hungarian",
    "Romanian",
    "Bulgarian",
    "Serbian",
    "Croatian",
    "Greek",
    "Turkish",
    "Iranian",
    "Iraqi",
    "Syrian",
    "Lebanese",
    "Israeli",
    "Palestinian",
    "Egyptian",
    "Saudi",
    "Chinese",
    "Japanese",
    "Korean",
    "Indian",
    "Pakistani",
    "Afghan",
    "Uzbek",
    "Kyrgyz",
    "Tajik",
    "Turkmen",
    "Mongolian",
    "Finnish",
    "Swedish",
    "Norwegian",
    "Danish",
    "Dutch",
    "Belgian",
    "Swiss",
    "Austrian",
    "Irish",
    "Scottish",
    "Welsh",
    "Canadian",
    "Mexican",
    "Brazilian",
    "Argentine",
    "Chilean",
    "Cuban",
    "Venezuelan",
    "Australian",
    "African",
    "European",
    "Asian",
    "Arab",
    "Arabic",
    "Hebrew",
    "Persian",
    "Latvian",
    "Lithuanian",
    "Estonian",
    "Moldovan",
    "Chechen",
    "Tatar",
    "Soviet",
    "Nigerian",
    "Kenyan",
    "Ethiopian",
    "Vietnamese",
    "Thai",
    "Indonesian",
    "Filipino",
    "Catalan",
    "Basque",
    "Kurdish",
    "Yemeni",
    "Jordanian",
    "Qatari",
    "Emirati",
    "Caucasian",
    "Baltic",
    "Nordic",
    "Siberian",
    "Crimean",
    "Muscovite",
    "Western",
    "Eastern",
    "Roman",
];

/// Gazetteer words that are also ordinary English words: lower case alone is no
/// evidence of an error.
const AMBIGUOUS: &[&str] = &[
    "china",
    "turkey",
    "chad",
    "nice",
    "reading",
    "mobile",
    "jersey",
    "march",
    "may",
    "august",
    "japan",
    "chile",
    "guinea",
    "panama",
    "polish",
    "french",
    "swiss",
    "danish",
    "roman",
    "india",
    "western",
    "eastern",
    "caucasian",
    "baltic",
    "nordic",
    "scotch",
    "jordan",
];

/// Country names that take "the", or regions and bodies that do; never flagged.
pub const TAKES_ARTICLE: &[&str] = &[
    "United States",
    "United Kingdom",
    "Netherlands",
    "Philippines",
    "Gambia",
    "Bahamas",
    "Czech Republic",
    "Central African Republic",
    "Dominican Republic",
    "Congo",
    "Maldives",
    "UAE",
    "United Arab Emirates",
    "Vatican",
    "Seychelles",
    "Comoros",
    "Sudan",
    "Caucasus",
    "Balkans",
    "Arctic",
    "West",
    "Kremlin",
    "EU",
];

static LOWER_TO_PROPER: LazyLock<HashMap<String, &'static str>> = LazyLock::new(|| {
    let mut m = HashMap::default();
    for list in [COUNTRIES_NO_ARTICLE, PLACES, DAYS, MONTHS, NATIONALITIES] {
        for w in list {
            m.insert(w.to_lowercase(), *w);
        }
    }
    m
});

/// Lower-cased nationalities, for the plural check ("Russians").
static NATIONALITY_SET: LazyLock<HashSet<String>> =
    LazyLock::new(|| NATIONALITIES.iter().map(|n| n.to_lowercase()).collect());

static AMBIGUOUS_SET: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| AMBIGUOUS.iter().copied().collect());

/// The proper spelling of a gazetteer word given in any case (`kyiv` → `Kyiv`).
pub fn proper_form(lower: &str) -> Option<&'static str> {
    LOWER_TO_PROPER.get(lower).copied()
}

/// True when the lower-case form is also an ordinary English word.
pub fn is_ambiguous(lower: &str) -> bool {
    AMBIGUOUS_SET.contains(lower)
}

pub fn is_month(word: &str) -> bool {
    MONTHS.iter().any(|m| m.eq_ignore_ascii_case(word))
        || matches!(
            word,
            "Jan"
                | "Feb"
                | "Mar"
                | "Apr"
                | "Jun"
                | "Jul"
                | "Aug"
                | "Sep"
                | "Sept"
                | "Oct"
                | "Nov"
                | "Dec"
        )
}

pub fn is_day(word: &str) -> bool {
    DAYS.iter().any(|m| m.eq_ignore_ascii_case(word))
}

/// A capitalised word that names a place, nationality, language or date: never a person.
pub fn is_place_or_date(word: &str) -> bool {
    let w = strip_possessive(word);
    let lower = lowercase(w);
    if LOWER_TO_PROPER.contains_key(&*lower) {
        return true;
    }
    // Plurals of nationalities: "Russians", "Kazakhs".
    if let Some(stem) = lower.strip_suffix('s')
        && NATIONALITY_SET.contains(stem)
    {
        return true;
    }
    matches!(
        &*lower,
        "kazakhstan"
            | "north"
            | "south"
            | "east"
            | "west"
            | "central"
            | "sea"
            | "ocean"
            | "river"
            | "lake"
            | "mountains"
            | "valley"
            | "gulf"
            | "bay"
            | "island"
            | "islands"
            | "coast"
            | "peninsula"
            | "region"
            | "province"
            | "republic"
            | "federation"
            | "kingdom"
            | "union"
            | "states"
            | "united"
            | "city"
            | "street"
            | "avenue"
            | "square"
            | "airport"
            | "station"
            | "bridge"
            | "border"
            | "ossetia"
            | "abkhazia"
            | "earth"
            | "christmas"
            | "easter"
            | "ramadan"
            | "schengen"
            | "internet"
            | "god"
            | "covid"
            | "covid-19"
            | "middle"
            | "far"
            | "near"
            | "northern"
            | "southern"
            | "state"
            | "greater"
            | "upper"
            | "lower"
            | "new"
            | "old"
            | "saint"
            | "st"
    )
}

/// `Russia’s` → `Russia`.
pub fn strip_possessive(word: &str) -> &str {
    word.strip_suffix("’s")
        .or_else(|| word.strip_suffix("'s"))
        .or_else(|| word.strip_suffix('’'))
        .or_else(|| word.strip_suffix('\''))
        .unwrap_or(word)
}

/// Heads of noun phrases that name an organisation, which is "it", not "he" or "she".
const INSTITUTIONS: &[&str] = &[
    "ministry",
    "government",
    "office",
    "agency",
    "company",
    "committee",
    "army",
    "police",
    "court",
    "council",
    "party",
    "union",
    "bank",
    "group",
    "department",
    "commission",
    "kremlin",
    "administration",
    "cabinet",
    "parliament",
    "senate",
    "congress",
    "duma",
    "assembly",
    "authority",
    "service",
    "firm",
    "corporation",
    "organisation",
    "organization",
    "institute",
    "university",
    "embassy",
    "consulate",
    "directorate",
    "prosecutor’s",
    "secretariat",
    "bureau",
    "board",
    "regulator",
    "watchdog",
    "tribunal",
    "alliance",
    "coalition",
    "federation",
    "association",
    "foundation",
    "inc",
    "corp",
    "ltd",
    "navy",
    "military",
    "pentagon",
    "newspaper",
    "broadcaster",
    "network",
    "club",
    "team",
    "league",
    "court",
    "command",
    "headquarters",
    "operator",
    "exchange",
    "fund",
    "interfax",
    "tass",
];

static INSTITUTION_SET: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| INSTITUTIONS.iter().copied().collect());

pub fn is_institution_head(lower: &str) -> bool {
    INSTITUTION_SET.contains(lower)
}

/// Words that, capitalised, belong to the name of an office or institution rather
/// than a person ("Defense", "Interior", "Foreign").
pub fn is_institution_word(word: &str) -> bool {
    let lower = lowercase(strip_possessive(word));
    is_institution_head(&lower)
        || matches!(
            &*lower,
            "defense"
                | "defence"
                | "interior"
                | "foreign"
                | "finance"
                | "justice"
                | "health"
                | "security"
                | "affairs"
                | "national"
                | "federal"
                | "supreme"
                | "constitutional"
                | "house"
                | "white"
                | "red"
                | "cross"
                | "crescent"
                | "nations"
                | "european"
                | "economic"
                | "forum"
                | "world"
                | "news"
                | "times"
                | "post"
                | "press"
                | "maps"
                | "media"
                | "television"
                | "radio"
                | "tv"
                | "channel"
                | "daily"
                | "journal"
                | "herald"
                | "telegraph"
                | "guardian"
                | "reuters"
                | "center"
                | "centre"
                | "hospital"
                | "school"
                | "college"
                | "church"
                | "cathedral"
                | "museum"
                | "stadium"
                | "palace"
                | "hall"
                | "prize"
                | "cup"
                | "games"
                | "olympics"
                | "olympic"
                | "championship"
                | "war"
                | "ii"
                | "treaty"
                | "act"
                | "accord"
                | "agreement"
                | "plan"
                | "programme"
                | "program"
                | "project"
                | "general"
                | "public"
                | "civil"
                | "labor"
                | "labour"
                | "democratic"
                | "republican"
                | "liberal"
                | "conservative"
                | "communist"
                | "socialist"
                | "green"
                | "greens"
                | "people’s"
                | "peoples"
                | "workers"
        )
}

/// Singular nouns that denote a person: a possible antecedent of "he" or "she".
const PERSON_NOUNS: &[&str] = &[
    "man",
    "woman",
    "boy",
    "girl",
    "child",
    "baby",
    "person",
    "mother",
    "father",
    "son",
    "daughter",
    "wife",
    "husband",
    "brother",
    "sister",
    "aunt",
    "uncle",
    "cousin",
    "nephew",
    "niece",
    "grandmother",
    "grandfather",
    "grandson",
    "granddaughter",
    "mum",
    "mom",
    "dad",
    "parent",
    "partner",
    "friend",
    "girlfriend",
    "boyfriend",
    "fiancé",
    "fiancée",
    "widow",
    "widower",
    "colleague",
    "neighbour",
    "neighbor",
    "resident",
    "citizen",
    "student",
    "pupil",
    "teacher",
    "doctor",
    "nurse",
    "lawyer",
    "attorney",
    "judge",
    "prosecutor",
    "suspect",
    "defendant",
    "victim",
    "witness",
    "driver",
    "passenger",
    "pilot",
    "soldier",
    "officer",
    "official",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "minister",
    "president",
    "premier",
    "chancellor",
    "leader",
    "chief",
    "head",
    "director",
    "manager",
    "executive",
    "ceo",
    "chairman",
    "chairwoman",
    "chair",
    "founder",
    "owner",
    "employee",
    "worker",
    "player",
    "coach",
    "captain",
    "king",
    "queen",
    "prince",
    "princess",
    "pope",
    "priest",
    "bishop",
    "senator",
    "governor",
    "mayor",
    "ambassador",
    "envoy",
    "secretary",
    "aide",
    "adviser",
    "advisor",
    "candidate",
    "rival",
    "opponent",
    "analyst",
    "expert",
    "economist",
    "researcher",
    "scientist",
    "professor",
    "author",
    "writer",
    "journalist",
    "reporter",
    "editor",
    "photographer",
    "artist",
    "singer",
    "actor",
    "actress",
    "director",
    "producer",
    "activist",
    "protester",
    "demonstrator",
    "refugee",
    "migrant",
    "deserter",
    "reservist",
    "conscript",
    "recruit",
    "veteran",
    "commander",
    "general",
    "colonel",
    "sergeant",
    "lieutenant",
    "major",
    "admiral",
    "guard",
    "agent",
    "spy",
    "detective",
    "inspector",
    "deputy",
    "lawmaker",
    "legislator",
    "mp",
    "councillor",
    // "the cabinet member for planning", "a member of the board": a role that a
    // "he" or a "she" may mean.
    "member",
    "councilor",
    "representative",
    "delegate",
    "negotiator",
    "mediator",
    "diplomat",
    "counterpart",
    "successor",
    "predecessor",
    "incumbent",
    "nominee",
    "winner",
    "loser",
    "champion",
    "athlete",
    "runner",
    "fan",
    "customer",
    "client",
    "patient",
    "survivor",
    "hostage",
    "prisoner",
    "detainee",
    "inmate",
    "convict",
    "killer",
    "gunman",
    "attacker",
    "assailant",
    "thief",
    "robber",
    "dealer",
    "businessman",
    "businesswoman",
    "entrepreneur",
    "investor",
    "banker",
    "trader",
    "farmer",
    "fisherman",
    "waiter",
    "waitress",
    "cook",
    "chef",
    "engineer",
    "programmer",
    "designer",
    "consultant",
    "contractor",
    "volunteer",
    "monk",
    "nun",
    "imam",
    "rabbi",
    "pastor",
    "heir",
    "tourist",
    "traveller",
    "traveler",
    "visitor",
    "guest",
    "host",
    "interviewee",
    "speaker",
    "narrator",
    "mother-in-law",
    "father-in-law",
    "stepfather",
    "stepmother",
    "stepson",
    "stepdaughter",
    "teenager",
    "youth",
    "adult",
    "someone",
    "somebody",
    "anyone",
    "anybody",
    "everyone",
    "nobody",
    "whoever",
    "individual",
];

static PERSON_SET: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| PERSON_NOUNS.iter().copied().collect());

pub fn is_person_noun(lower: &str) -> bool {
    PERSON_SET.contains(lower) || lower.ends_with("-year-old")
}

/// Titles before a name: "President Tokayev", "Mr. Tokayev".
pub fn is_title(word: &str) -> bool {
    matches!(
        word.trim_end_matches('.'),
        "Mr" | "Mrs"
            | "Ms"
            | "Miss"
            | "Dr"
            | "Prof"
            | "President"
            | "Prime"
            | "Minister"
            | "Premier"
            | "Chancellor"
            | "King"
            | "Queen"
            | "Prince"
            | "Princess"
            | "Pope"
            | "Sen"
            | "Senator"
            | "Rep"
            | "Gov"
            | "Governor"
            | "Mayor"
            | "General"
            | "Gen"
            | "Col"
            | "Colonel"
            | "Lt"
            | "Capt"
            | "Captain"
            | "Sgt"
            | "Judge"
            | "Justice"
            | "Ambassador"
            | "Secretary"
            | "Spokesman"
            | "Spokeswoman"
            | "Sir"
            | "Dame"
            | "Lord"
            | "Lady"
            | "Rev"
            | "Father"
            | "Sister"
            | "Brother"
            | "Sheikh"
            | "Emir"
            | "Chairman"
            | "Chairwoman"
            | "Director"
            | "Chief"
            | "Deputy"
            | "Foreign"
            | "Interior"
            | "Defense"
            | "Defence"
            | "Vice"
            | "Press"
            | "Commander"
            | "Admiral"
    )
}

/// Closed-class words: articles, pronouns, prepositions, conjunctions, auxiliaries.
const FUNCTION_WORDS: &[&str] = &[
    "a",
    "an",
    "the",
    "this",
    "that",
    "these",
    "those",
    "i",
    "you",
    "he",
    "she",
    "it",
    "we",
    "they",
    "me",
    "him",
    "her",
    "us",
    "them",
    "my",
    "your",
    "his",
    "its",
    "our",
    "their",
    "in",
    "on",
    "at",
    "of",
    "for",
    "with",
    "from",
    "by",
    "to",
    "into",
    "onto",
    "under",
    "over",
    "after",
    "before",
    "during",
    "without",
    "between",
    "against",
    "through",
    "about",
    "across",
    "among",
    "and",
    "but",
    "or",
    "nor",
    "so",
    "yet",
    "because",
    "while",
    "when",
    "where",
    "which",
    "who",
    "whom",
    "whose",
    "if",
    "than",
    "as",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "being",
    "has",
    "have",
    "had",
    "will",
    "would",
    "can",
    "could",
    "should",
    "shall",
    "may",
    "might",
    "must",
    "do",
    "does",
    "did",
    "not",
    "no",
    "there",
    "here",
    "also",
    "all",
    "some",
    "any",
    "each",
    "every",
    "such",
    "what",
    "how",
    "why",
    "then",
    "however",
    "since",
    "until",
    "although",
    "though",
    "like",
    "per",
    "via",
    "upon",
    "within",
    "toward",
    "towards",
    "despite",
    "including",
    "according",
    "once",
    "more",
    "most",
    "other",
    "another",
    "only",
    "even",
    "still",
    "just",
    "now",
    "both",
    "either",
    "neither",
    "whether",
    "out",
    "up",
    "down",
    "off",
    "around",
    "near",
    "behind",
    "beyond",
    "above",
    "below",
    "whatever",
    "whoever",
    "meanwhile",
    "later",
    "earlier",
];

static FUNCTION_SET: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| FUNCTION_WORDS.iter().copied().collect());

pub fn is_function_word(lower: &str) -> bool {
    FUNCTION_SET.contains(lower)
}

/// Verbs of saying, in the past and present third person.
const REPORTING_VERBS: &[&str] = &[
    "said",
    "says",
    "added",
    "adds",
    "stated",
    "states",
    "told",
    "tells",
    "noted",
    "notes",
    "explained",
    "explains",
    "indicated",
    "indicates",
    "announced",
    "announces",
    "declared",
    "declares",
    "stressed",
    "stresses",
    "underlined",
    "underlines",
    "insisted",
    "insists",
    "affirmed",
    "affirms",
    "specified",
    "specifies",
    "recalled",
    "recalls",
    "wrote",
    "writes",
    "argued",
    "argues",
    "claimed",
    "claims",
    "confirmed",
    "confirms",
    "reported",
    "reports",
    "warned",
    "warns",
    "estimated",
    "estimates",
    "continued",
    "continues",
    "concluded",
    "concludes",
    "denied",
    "denies",
    "admitted",
    "admits",
    "acknowledged",
    "acknowledges",
    "replied",
    "replies",
    "responded",
    "responds",
    "emphasised",
    "emphasized",
    "assured",
    "assures",
    "promised",
    "promises",
    "regretted",
    "regrets",
    "judged",
    "judges",
    "considered",
    "considers",
    "pointed",
    "points",
    "asserted",
    "asserts",
    "observed",
    "observes",
    "commented",
    "comments",
    "maintained",
    "maintains",
    "suggested",
    "suggests",
];

static REPORTING_SET: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| REPORTING_VERBS.iter().copied().collect());

pub fn is_reporting_verb(lower: &str) -> bool {
    REPORTING_SET.contains(lower)
}

/// The word in lower case, borrowed when it already is: most words of prose are, so
/// the hot loops that look words up in the tables allocate nothing for them.
pub fn lowercase(word: &str) -> std::borrow::Cow<'_, str> {
    if word.is_ascii() {
        if word.bytes().any(|b| b.is_ascii_uppercase()) {
            std::borrow::Cow::Owned(word.to_ascii_lowercase())
        } else {
            std::borrow::Cow::Borrowed(word)
        }
    } else if word.chars().any(char::is_uppercase) {
        std::borrow::Cow::Owned(word.to_lowercase())
    } else {
        std::borrow::Cow::Borrowed(word)
    }
}

/// Lower-cases the first character only, for suggestions.
pub fn lower_first(word: &str) -> String {
    let mut c = word.chars();
    match c.next() {
        Some(f) => f.to_lowercase().chain(c).collect(),
        None => String::new(),
    }
}

/// Upper-cases the first character only.
pub fn upper_first(word: &str) -> String {
    let mut c = word.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

pub fn starts_upper(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

pub fn starts_lower(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_lowercase)
}

/// All letters upper case ("AFP", "NATO").
pub fn is_all_caps(word: &str) -> bool {
    let mut letters = word.chars().filter(|c| c.is_alphabetic()).peekable();
    letters.peek().is_some() && letters.all(char::is_uppercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lowercase_borrows_when_it_can() {
        assert!(matches!(
            lowercase("minister"),
            std::borrow::Cow::Borrowed("minister")
        ));
        assert!(matches!(lowercase("Kyiv"), std::borrow::Cow::Owned(ref s) if s == "kyiv"));
        assert_eq!(lowercase("ÉLYSÉE"), "élysée");
        assert_eq!(lowercase("Straße"), "straße");
        assert!(matches!(lowercase("zürich"), std::borrow::Cow::Borrowed(_)));
    }

    #[test]
    fn lookups() {
        assert_eq!(proper_form("kyiv"), Some("Kyiv"));
        assert!(is_ambiguous("turkey"));
        assert!(is_place_or_date("Russians"));
        assert!(is_place_or_date("Russia’s"));
        assert!(!is_place_or_date("Tokayev"));
        assert!(is_person_noun("23-year-old"));
        assert!(is_institution_word("Ministry"));
    }
}
