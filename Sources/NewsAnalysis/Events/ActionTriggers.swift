/// Words that name an action, per ``ActionClass``. A plain word is a verb and matches its
/// regular inflections ("urge" → "urges", "urged", "urging"); `word=` matches only that form;
/// `word@` is a noun that needs a possessor ("Olmert's meeting", "his visit"); `word+prep`
/// needs the preposition next ("critical+of", "call+on"). General vocabulary, written by hand.
enum ActionTriggers {
    static let lists: [(ActionClass, String)] = [
        (.urge, "urge appeal+to appeal+for call+on call+for ask request plead+for implore press+for"),
        (.promise, "pledge promise= promises= promised= vow offer+to"),
        (.meet, "meet met= visit host summit@"),
        (.consult, "discuss negotiate consult confer talk+with talked+with talks+with"),
        (.agree, "agree sign+a sign+an signed+a signed+an accord@ deal@ agreement@"),
        (.praise, "praise thank= thanked= thanking= commend welcome hail applaud congratulate endorse laud"),
        (.cooperate, "cooperate co-operate collaborate"),
        (.supply, "sell sold= supply export sale@ sales@ supplies@ delivery@ deliveries@"),
        (.aid, "donate+to donated+to"),
        (.yield, "withdraw withdrew= withdrawn= concede surrender"),
        (.investigate, "investigate probe+into"),
        (.demand, "demand"),
        (.criticise, "criticise criticize criticised= criticized= condemn denounce blame accuse critical+of opposed+to deplore slam+the"),
        (.reject, "reject refuse veto deny+the"),
        (.threaten, "threaten"),
        (.protest, "protest+against demonstrate+against rally+against boycott"),
        (.mobilise, "deploy mobilise mobilize"),
        (.sanction, "sanction expel suspend+ties sever"),
        (.coerce, "arrest detain seize ban confiscate"),
        (.assault, "kill assassinate kidnap abduct wound torture shoot+at"),
        (.attack, "attack bomb shell invade raid strike+at struck= fight fought= clash+with"),
    ]
}
