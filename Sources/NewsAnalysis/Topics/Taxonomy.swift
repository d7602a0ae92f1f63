/// The topic taxonomy: a small, general newsroom scheme (close to IPTC's top-level media
/// topics), each topic with the words that are evidence for it. Lists are written by hand
/// from general vocabulary, never from an evaluation document. A word may serve two topics.
/// Each base form also matches its regular inflections ("sanction" → "sanctions", "sanctioned").
enum Taxonomy {
    struct Entry {
        let id: String
        let label: String
        let terms: String
    }

    static let topics: [Entry] = [
        Entry(id: "diplomacy", label: "Diplomacy", terms: """
            diplomacy diplomatic diplomat diplomats embassy embassies ambassador envoy consul consulate summit \
            talks negotiation negotiations negotiate negotiator treaty accord bilateral multilateral ties \
            relations relationship dialogue foreign minister ministers secretary-general delegation visit \
            visited visiting ceasefire truce mediation mediate mediator sanctions sanction united nations \
            un nato eu g7 g20 asean alliance ally allies cooperation strategic recognition recognize \
            recognise normalization normalisation rapprochement counterpart statesman
            """),
        Entry(id: "conflict-defence", label: "Conflict and defence", terms: """
            war wars warfare military army armies navy naval troops soldier soldiers combat battle \
            fighting fought attack attacks airstrike airstrikes strike strikes bomb bombs bombing bombed \
            missile missiles rocket rockets weapon weapons arms anti-aircraft artillery tank tanks \
            warplane warplanes fighter jets drone drones invasion invade occupied occupation insurgent \
            insurgents militant militants rebel rebels terrorist terrorists terrorism defence defense \
            security intelligence ceasefire hostile hostilities killed casualties wounded offensive \
            raid shelling air force iaf idf pentagon general commander brigade battalion conflict clashes \
            clash siege guerrilla hostage hostages ammunition
            """),
        Entry(id: "nuclear", label: "Nuclear", terms: """
            nuclear uranium enrichment enrich enriched plutonium reactor reactors warhead warheads \
            proliferation non-proliferation iaea atomic centrifuge centrifuges radiation radioactive \
            fission nuke nukes npt
            """),
        Entry(id: "economy", label: "Economy and business", terms: """
            economy economic economies market markets stock stocks shares investor investors investment \
            trade tariff tariffs export exports import imports inflation gdp growth recession bank banks \
            banking finance financial budget deficit debt tax taxes taxation revenue profit profits \
            company companies business businesses industry industrial price prices oil gas energy \
            currency dollar euro jobs unemployment employment wage wages billion million sales retail \
            manufacturing merger acquisition ceo shareholders earnings fiscal monetary interest
            """),
        Entry(id: "politics", label: "Politics and government", terms: """
            election elections elected vote votes voters voting ballot campaign candidate candidates \
            party parties parliament parliamentary congress senate senator lawmakers legislation bill \
            government minister ministers president presidential prime cabinet opposition coalition \
            democrat democrats republican republicans conservative conservatives labour liberal \
            referendum policy policies governor mayor political politician politicians administration \
            knesset duma kremlin leader leadership reform
            """),
        Entry(id: "crime-law", label: "Crime and law", terms: """
            police arrest arrested arrests court courts judge judges trial prosecutor prosecutors \
            prosecution lawyer lawyers lawsuit sued charge charged charges crime crimes criminal murder \
            murdered theft fraud corruption bribery jail prison prisoner sentenced sentence convicted \
            conviction guilty investigation investigators suspect suspects law laws legal illegal \
            supreme ruling verdict appeal detained custody
            """),
        Entry(id: "health", label: "Health", terms: """
            health hospital hospitals doctor doctors nurse nurses patient patients disease diseases \
            virus outbreak epidemic pandemic vaccine vaccines vaccination infection infections cancer \
            medical medicine drug drugs treatment deficiency nutrition clinic symptoms mortality \
            illness diabetes obesity surgery
            """),
        Entry(id: "science-technology", label: "Science and technology", terms: """
            science scientific scientist scientists research researchers study studies technology \
            technologies software internet computer computers browser digital robot robots robotics \
            engineering engineer engineers space nasa satellite satellites launch data website online \
            app apps smartphone artificial intelligence ai cyber hackers hacking microsoft google \
            apple university laboratory experiment physics biology chemistry journal
            """),
        Entry(id: "sport", label: "Sport", terms: """
            sport sports football soccer match matches game games tournament championship championships \
            league cup olympic olympics player players team teams coach goal goals score scored win won \
            defeat defeated victory medal medals athlete athletes fifa uefa stadium season final finals \
            tennis cricket rugby basketball baseball racing race
            """),
        Entry(id: "environment", label: "Environment and climate", terms: """
            climate warming emissions carbon pollution ozone environment environmental greenhouse \
            temperature temperatures drought flood floods flooding wildlife species conservation \
            forest forests deforestation renewable solar biodiversity ecosystem crops crop
            """),
        Entry(id: "disaster-accident", label: "Disaster and accident", terms: """
            earthquake quake tsunami hurricane typhoon cyclone storm storms flood floods fire fires \
            wildfire explosion blast crash crashed accident collapse collapsed disaster victims \
            rescue rescuers evacuated evacuation survivors dead injured
            """),
        Entry(id: "religion", label: "Religion and belief", terms: """
            religion religious church churches catholic christian christians muslim muslims islam \
            islamic mosque jewish synagogue temple pope bishop priest clergy faith scientology \
            buddhist hindu sect worship
            """),
        Entry(id: "culture-entertainment", label: "Culture and entertainment", terms: """
            film films movie movies music musician album concert festival festivals art artist artists \
            museum exhibition theatre theater actor actress celebrity celebrities television tv show \
            shows book books novel author writer fans convention comic comics game lantern lanterns
            """),
        Entry(id: "education", label: "Education", terms: """
            school schools student students teacher teachers education educational university \
            universities college colleges classroom pupils curriculum exam exams tuition
            """),
        Entry(id: "migration-society", label: "Migration and society", terms: """
            refugee refugees asylum migrant migrants migration immigration immigrant immigrants border \
            borders visa visas deportation protest protests protesters rights discrimination poverty \
            housing welfare
            """),
    ]
}
