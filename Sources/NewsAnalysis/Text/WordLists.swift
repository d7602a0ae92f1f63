/// Closed lists of English words the passes recognise by their lowercase form. General
/// newsroom vocabulary only: nothing here comes from an evaluation document.
enum WordLists {
    /// Words whose trailing period is part of them.
    static let abbreviations = """
        mr mrs ms dr prof rev sr jr st lt gen col maj capt sgt cpl adm gov sen rep pres supt insp det \
        no v vs etc inc corp ltd co bros dept univ assn ave blvd rd mt ft jan feb mar apr jun jul aug sep \
        sept oct nov dec mon tue tues wed thu thur thurs fri sat sun est approx fig al cf ca c e.g i.e
        """

    static let stopwords = """
        a an the and or but nor so yet for of in on at to from by with without about above below over \
        under into onto upon after before during since until while as than then there here this that \
        these those it its it's he him his she her hers they them their theirs we us our you your i me \
        my mine who whom whose which what when where why how all any both each few more most other some \
        such no not only own same too very can will just should now is are was were be been being have \
        has had having do does did would could may might must shall also however although though if \
        because whether meanwhile instead still even many much another every one two three first last \
        new next according despite against between among through throughout across toward towards \
        around near off out up down again further once yes says said like
        """

    static let speechVerbs = """
        said says say saying told tells added adds adding stated states explained explains noted notes \
        warned warns asked asks replied replies insisted insists argued argues claimed claims declared \
        declares announced announces wrote writes commented comments remarked remarks suggested suggests \
        acknowledged admitted admits stressed stresses emphasized emphasised characterized characterised \
        described describes called calls urged urges quoted recalled recalls conceded concedes continued \
        concluded countered responded responds tweeted posted confirmed confirms denied denies predicted \
        praised reminded assured vowed promised pledged reiterated observed complained maintained \
        according quipped exclaimed whispered shouted testified insisting accused accuses gushed \
        implored implores emailed texted messaged conceding conceded admitting pleaded pleads \
        begged begs boasted bragged cautioned mused lamented joked retorted snapped fumed scoffed \
        stating telling explaining noting warning writing arguing claiming announcing reasoned revealed \
        disclosed recounted informed answered asserted asserts alleged alleges contended contends \
        responding replying stressing recalling say tell state believe believes believed think thinks \
        thought estimated estimates theorized recommends recommended reporting reported \
        chanted chanting yelled yelling screamed hollered muttered murmured sighed wondered alleging \
        suggesting acknowledging
        """

    /// Speech verbs in the plain present, which are verbs of saying only after a plural subject
    /// ("critics argue that", "they call for"), not after "to" or a modal, nor as nouns ("a
    /// claim", "on an encouraging note"); ``QuotePass`` marks them as speech verbs where they
    /// follow one.
    static let pluralSpeechVerbs = """
        warn argue claim note insist urge admit concede deny predict recommend contend assert \
        allege acknowledge call explain
        """

    /// Forms of be, have and do, and the modals: a line with none of them (and no "-ed" or
    /// speech verb) states nothing, as a caption does ("The current flag of New Zealand.").
    static let auxiliaries = """
        is are was were be been being am has have had do does did will would can could may might \
        shall should must isn't aren't wasn't weren't hasn't haven't hadn't doesn't didn't won't can't
        """

    /// Irregular past tenses: with "-ed" words and ``auxiliaries``, what tells a short line
    /// that reports something ("Shares fell.") from a caption.
    static let irregularPasts = """
        arose ate beat became began bent bet bit bled blew broke brought built burnt burst bought caught chose \
        clung came cost crept cut dealt dug dove drew dreamt drank drove fed felt fought found fled flew \
        fell forbade forgot forgave froze got gave went ground grew hung heard hid hit held hurt kept knelt \
        knew laid led leapt left lent let lay lit lost made meant met paid put quit read rode rang rose \
        ran sang sank sat saw sought sold sent set shook shed shone shot showed shut slept slid spoke \
        sped spent spun split spread sprang stood stole stuck stung struck swore swept swam swung took \
        taught tore told thought threw understood woke wore wept won wound wrote withdrew
        """

    static let titles = """
        president vice prime minister foreign defense defence finance interior secretary general gen. \
        lt. col. maj. capt. sgt. cpl. adm. gov. sen. rep. mr. mrs. ms. dr. prof. rev. pres. sir dame lord \
        lady king queen prince princess pope chancellor chairman chairwoman chair ceo cfo coo director \
        ambassador envoy spokesman spokeswoman spokesperson judge justice senator governor mayor \
        representative congressman congresswoman councillor councilman councilwoman bishop archbishop \
        cardinal rabbi imam sheikh emir sultan coach captain lieutenant colonel major sergeant commander \
        chief deputy assistant attorney premier officer detective inspector professor doctor leader \
        speaker manager executive founder president-elect treasurer governor-general marshal admiral \
        brigadier private corporal minister-president foreign-minister ayatollah czar tsar crown \
        commissioner superintendent sheriff chief-executive
        """

    static let organisationWords = """
        inc inc. corp corp. corporation company co. ltd ltd. llc plc group holdings bank university \
        college institute school academy association party council committee commission agency ministry \
        department office foundation society union league club fc federation organization organisation \
        army navy force forces corps court parliament congress senate assembly board bureau service \
        services times news post press journal herald tribune airlines airways records studios network \
        broadcasting television radio museum hospital fund trust authority police guard brigade regiment \
        division battalion band orchestra choir center centre laboratories labs systems technologies \
        motors energy industries partners international nations alliance coalition movement front \
        cabinet government administration institution conference church clinic consortium cooperative \
        enterprises entertainment games magazine media pictures productions publishing railway railways \
        telecom times gazette daily weekly tv fm am knesset duma bundestag
        """

    static let placeNouns = """
        street st. road avenue ave. boulevard blvd. square courtyard park bridge river lake mountain \
        mountains mount mt. island islands bay valley county province district region state city town \
        village airport station harbor harbour port beach coast desert sea ocean gulf peninsula canyon \
        hill hills forest garden gardens gate tower palace castle cathedral temple mosque basilica \
        stadium arena plaza wall tomb strait falls creek heights springs lane drive way mall market \
        quarter
        """

    /// Month names from January and weekday names from Monday, in order: the date pass counts
    /// with their positions.
    /// Nouns that head a description of a place, an organisation or a person ("X is a village
    /// in …", "X, a Danish chain of …"; the entity pass's definitions).
    static let placeDescriptions = """
        village town city hamlet suburb parish municipality commune borough county district region province \
        country state island islands archipelago river lake mountain peninsula valley neighbourhood neighborhood \
        capital port settlement locality township desert bay creek brook stream sea strait continent
        """
    static let organisationDescriptions = """
        company corporation conglomerate subsidiary firm startup start-up manufacturer maker retailer chain brand \
        label publisher newspaper magazine tabloid broadcaster network airline bank insurer university college \
        club team party agency charity foundation organisation organization association society union federation \
        league council committee ministry department institute operator developer supplier distributor franchise \
        orchestra choir ensemble band duo trio quartet quintet outfit supergroup militia coalition alliance
        """
    static let personDescriptions = """
        singer actor actress footballer politician writer author novelist poet playwright musician composer \
        guitarist drummer bassist pianist violinist rapper songwriter vocalist painter sculptor artist \
        photographer journalist businessman businesswoman entrepreneur lawyer judge scientist physicist chemist \
        biologist mathematician philosopher historian economist engineer architect screenwriter filmmaker \
        cricketer boxer wrestler cyclist athlete swimmer sprinter golfer jockey priest bishop soldier astronaut \
        comedian dancer diplomat activist scholar professor physician surgeon inventor explorer chef designer \
        illustrator cartoonist spokesman spokeswoman man woman boy girl
        """
    /// Words a description's head comes before: "a village in", "the daughter of".
    static let definitionStops = """
        of in from that which who whose and or with for on at by to as near between where when since
        """
    /// Words that open a sentence with a phrase before its subject ("After the decline of …, a city rose").
    static let phraseOpeners = """
        after before during despite since when while as although though if because until once upon amid \
        following throughout unlike like beyond without
        """

    static let months = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"]
    static let weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

    static let calendar = (months + weekdays).joined(separator: " ")

    /// Places and buildings that stand for the organisation inside them ("the Kremlin said").
    static let metonyms = ["Kremlin", "Pentagon", "White House", "Downing Street", "Elysee", "Élysée",
                           "Whitehall", "Quai d'Orsay", "Foggy Bottom", "Blue House", "Zhongnanhai"]

    /// Organisations known the world over whose one-word names look like people's or places'
    /// ("Toyota", "Facebook", "Axios"), written with a capital; none that is also a common first
    /// name, surname, place or word ("Ford", "Amazon", "Shell", "Target", "Bloomberg" are left out).
    static let knownOrganisations = """
        Google Alphabet Microsoft Apple Facebook Meta Instagram WhatsApp YouTube TikTok Twitter Snapchat \
        Reddit LinkedIn Pinterest Netflix Spotify Uber Lyft Airbnb PayPal eBay Tesla SpaceX OpenAI Nvidia \
        Intel Qualcomm Cisco Oracle Samsung Sony Huawei Xiaomi Alibaba Tencent Baidu ByteDance Toyota \
        Honda Nissan Hyundai Volkswagen Renault Peugeot Boeing Airbus Lufthansa Ryanair Walmart Costco \
        IKEA Nike Adidas Starbucks Pfizer Moderna AstraZeneca Novartis ExxonMobil Chevron Gazprom Rosneft \
        Aramco Siemens Nestlé Unilever Reuters Xinhua Interfax Disney Nintendo Ubisoft Activision \
        Vodafone Verizon Comcast Goldman Citigroup Barclays HSBC Interpol Europol Greenpeace Hezbollah \
        OPEC FIFA UEFA Nasdaq Axios Politico BuzzFeed HuffPost TechCrunch Engadget Gizmodo \
        Yonhap Kyodo Bernama Salesforce Adobe Lenovo Motorola Shopify Coinbase Binance Expedia Tripadvisor \
        Etsy Peloton Dropbox GitHub Mozilla Anthropic Hulu Mastercard JPMorgan SoftBank Rakuten Foxconn \
        TSMC ASML Infineon Broadcom Fujitsu Panasonic Toshiba Mitsubishi Nikon Mazda Subaru Volvo \
        Stellantis Lockheed Raytheon Embraer Qantas KLM easyJet JetBlue BioNTech Novavax Sanofi Medtronic \
        Tesco Aldi Lidl Heineken Danone PepsiCo Pepsi LVMH BASF Glencore Petrobras Pemex Sinopec \
        PetroChina Equinor TotalEnergies Schlumberger Accenture Deloitte KPMG PwC Wikipedia Wikimedia \
        Hizbollah Hizballah
        """

    /// Nouns that head a described speaker ("a senior source", "officials").
    static let sourceNouns = """
        source sources official officials spokesman spokeswoman spokesperson aide aides diplomat \
        diplomats analyst analysts expert experts officer officers witness witnesses resident residents \
        statement report reports police investigators prosecutors lawyer lawyers people observers critics \
        minister ministry government doctor doctors coach player players worker workers employee employees \
        member members student students parent parents author authors researcher researchers scientist \
        scientists company firm agency group union campaigners protesters teachers teacher residents \
        office offices family lawmakers organizers organisers authorities
        """

    /// The words the quote pass reads attributions by.
    enum Quotes {
        /// Between a subject and its verb of speech: "had also said", "later told", "would say",
        /// "don't think".
        static let beforeVerb = """
            had has have was is were will would also then later previously once again further reportedly \
            still just really even always already instead do does did not never can could may might must should don't doesn't didn't \
            won't wouldn't can't couldn't
            """
        /// Words a speaker's noun phrase does not reach back or on across.
        static let clauseBoundaries = "that and but while as because when which who after before if than although though whereas unless until"
        /// Where a description's head noun ends: "a senior source in the Office".
        static let prepositions = "in at from of with for on close between among against about into"
        static let subjectPronouns = "he she they i we"
        /// Words that may follow a subject pronoun: "they all said".
        static let afterPronoun = "all both each too themselves himself herself"
        /// Verbs that come before their subject after a quote: "\"…,\" said the minister".
        static let invertingVerbs = "said says added adds asked told explained wrote writes continued noted recalled replied insisted warned tweeted stated declared"
        /// Words that open a short description of a speaker: "the doctor said", "one reader wrote".
        static let determiners = "the a an one two several some many another this that both all each"
        /// Words before a quoted name rather than quoted speech.
        static let naming = "called dubbed titled entitled named nicknamed so-called branded labelled labeled term word phrase"
        /// Verbs whose subject a word quoted in what follows belongs to ("said managers had
        /// \"ignored\" the staff", "called the budget \"reckless\"").
        static let reportingVerbs = "said says say told tells wrote writes called calls"
        /// Verbs whose object is what was said, "that" or not: "said the talks had failed" (not
        /// "added": "the update added a deck builder").
        static let clauseVerbs = """
            said says say believes believed believe claimed claims argued argues insisted insists warned warns denied \
            explained explains noted admitted acknowledged suggested predicted conceded stated states told tell tells wrote \
            writes reported revealed thought think thinks estimated recommends theorized \
            saying arguing insisting warning noting claiming explaining stating suggesting acknowledging \
            admitting conceding telling argue insist warn deny explain note admit acknowledge predict concede claim
            """
    }

    static func words(_ list: String) -> [String] {
        list.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)
    }
}
