import JSONOutput

// The report's JSON form, written by hand for speed: the same members, in the same order, as
// the synthesised `Codable` conformances (ReportJSONTests compares the two on real articles).
// A member added to a report type must be added here too.

extension AnalysisReport: JSONWritable {
    public func write(to json: inout JSONWriter) {
        json.beginObject()
        writeMembers(to: &json)
        json.endObject()
    }

    /// The members without the braces, for a line that puts its own members first.
    public func writeMembers(to json: inout JSONWriter) {
        json.member("id", id)
        json.member("url", url)
        json.member("contentHash", contentHash)
        json.member("analyzerVersion", analyzerVersion)
        json.member("elapsedMicroseconds", elapsedMicroseconds)
        json.member("headline", headline)
        json.member("subheadline", subheadline)
        json.member("byline", byline)
        json.member("authors", authors)
        json.member("dateline", dateline)
        json.member("dateLine", dateLine)
        json.member("published", published)
        json.member("modified", modified)
        json.member("images", images)
        json.member("contributors", contributors)
        json.member("paragraphs", paragraphs)
        json.member("body", body)
        json.member("sentences", sentences)
        json.member("language", language)
        json.member("counts", counts)
        json.member("entities", entities)
        json.member("quotes", quotes)
        json.member("issues", issues)
        json.member("dates", dates)
        json.member("amounts", amounts)
        json.member("keywords", keywords)
        json.member("summary", summary)
        json.member("tone", tone)
        json.member("topics", topics)
        json.member("events", events)
        json.member("page", page)
    }
}

extension PageInfo: JSONWritable {
    public func write(to json: inout JSONWriter) {
        json.beginObject()
        json.member("text", text)
        json.member("encoding", encoding)
        json.member("encodingSource", encodingSource)
        json.member("bodySource", bodySource)
        json.member("shownDate", shownDate)
        json.member("siteName", siteName)
        json.member("canonicalURL", canonicalURL)
        json.member("declaredLanguage", declaredLanguage)
        json.member("description", description)
        json.member("topImage", topImage)
        json.member("section", section)
        json.member("tags", tags)
        json.member("paywalled", paywalled)
        json.member("paragraphs", paragraphs)
        json.member("sources", sources)
        json.endObject()
    }
}

extension ByteRange: JSONWritable {
    public func write(to json: inout JSONWriter) {
        json.beginObject()
        json.member("start", start)
        json.member("end", end)
        json.endObject()
    }
}

extension MetadataSource: JSONWritable {
    public func write(to json: inout JSONWriter) {
        json.beginObject()
        json.member("field", field)
        json.member("source", source)
        json.endObject()
    }
}

extension Span: JSONWritable {
    public func write(to json: inout JSONWriter) {
        json.beginObject()
        json.member("start", start)
        json.member("end", end)
        json.endObject()
    }
}

extension LocatedText: JSONWritable {
    public func write(to json: inout JSONWriter) {
        json.beginObject()
        json.member("text", text)
        json.member("start", start)
        json.member("end", end)
        json.endObject()
    }
}

extension ImageCaption: JSONWritable {
    public func write(to json: inout JSONWriter) {
        json.beginObject()
        json.member("caption", caption)
        json.member("credit", credit)
        json.member("url", url)
        json.endObject()
    }
}

extension TextCounts: JSONWritable {
    public func write(to json: inout JSONWriter) {
        json.beginObject()
        json.member("characters", characters)
        json.member("words", words)
        json.member("sentences", sentences)
        json.member("paragraphs", paragraphs)
        json.endObject()
    }
}

extension Entity.Kind: JSONWritable {}

extension Entity: JSONWritable {
    public func write(to json: inout JSONWriter) {
        json.beginObject()
        json.member("name", name)
        json.member("type", type)
        json.member("mentions", mentions)
        json.member("salience", salience)
        json.member("titles", titles)
        json.member("nationality", nationality)
        json.member("geo", geo)
        json.endObject()
    }
}

extension Entity.Mention: JSONWritable {
    public func write(to json: inout JSONWriter) {
        json.beginObject()
        json.member("start", start)
        json.member("end", end)
        json.member("text", text)
        json.endObject()
    }
}

extension Entity.Geo: JSONWritable {
    public func write(to json: inout JSONWriter) {
        json.beginObject()
        json.member("kind", kind)
        json.member("countryCode", countryCode)
        json.member("latitude", latitude)
        json.member("longitude", longitude)
        json.member("population", population)
        json.endObject()
    }
}

extension Quote.Kind: JSONWritable {}

extension Quote: JSONWritable {
    public func write(to json: inout JSONWriter) {
        json.beginObject()
        json.member("text", text)
        json.member("start", start)
        json.member("end", end)
        json.member("kind", kind)
        json.member("verb", verb)
        json.member("speaker", speaker)
        json.member("via", via)
        json.endObject()
    }
}

extension Quote.Speaker: JSONWritable {
    public func write(to json: inout JSONWriter) {
        json.beginObject()
        json.member("name", name)
        json.member("entity", entity)
        json.member("mention", mention)
        json.endObject()
    }
}

extension CopyIssue.Kind: JSONWritable {}

extension CopyIssue: JSONWritable {
    public func write(to json: inout JSONWriter) {
        json.beginObject()
        json.member("kind", kind)
        json.member("spans", spans)
        json.member("text", text)
        json.member("message", message)
        json.endObject()
    }
}

extension DateMention.Kind: JSONWritable {}
extension DateMention.Resolution: JSONWritable {}

extension DateMention: JSONWritable {
    public func write(to json: inout JSONWriter) {
        json.beginObject()
        json.member("text", text)
        json.member("start", start)
        json.member("end", end)
        json.member("kind", kind)
        json.member("resolution", resolution)
        json.member("value", value)
        json.member("from", from)
        json.member("to", to)
        json.member("time", time)
        json.endObject()
    }
}

extension Amount: JSONWritable {
    public func write(to json: inout JSONWriter) {
        json.beginObject()
        json.member("text", text)
        json.member("start", start)
        json.member("end", end)
        json.member("value", value)
        json.member("unit", unit)
        json.member("object", object)
        json.endObject()
    }
}

extension Keyword: JSONWritable {
    public func write(to json: inout JSONWriter) {
        json.beginObject()
        json.member("text", text)
        json.member("score", score)
        json.member("count", count)
        json.member("entity", entity)
        json.endObject()
    }
}

extension SummarySentence: JSONWritable {
    public func write(to json: inout JSONWriter) {
        json.beginObject()
        json.member("text", text)
        json.member("start", start)
        json.member("end", end)
        json.member("sentence", sentence)
        json.member("score", score)
        json.endObject()
    }
}

extension Tone: JSONWritable {
    public func write(to json: inout JSONWriter) {
        json.beginObject()
        json.member("positive", positive)
        json.member("negative", negative)
        json.member("neutral", neutral)
        json.member("polarity", polarity)
        json.member("scoredWords", scoredWords)
        json.member("sentences", sentences)
        json.endObject()
    }
}

extension SentenceTone: JSONWritable {
    public func write(to json: inout JSONWriter) {
        json.beginObject()
        json.member("sentence", sentence)
        json.member("positive", positive)
        json.member("negative", negative)
        json.member("neutral", neutral)
        json.member("polarity", polarity)
        json.endObject()
    }
}

extension Topic: JSONWritable {
    public func write(to json: inout JSONWriter) {
        json.beginObject()
        json.member("id", id)
        json.member("label", label)
        json.member("score", score)
        json.member("evidence", evidence)
        json.endObject()
    }
}

extension ActionClass: JSONWritable {}

extension Event: JSONWritable {
    public func write(to json: inout JSONWriter) {
        json.beginObject()
        json.member("actor", actor)
        json.member("action", action)
        json.member("cameo", cameo)
        json.member("verb", verb)
        json.member("target", target)
        json.member("negated", negated)
        json.member("sentence", sentence)
        json.endObject()
    }
}

extension Event.Participant: JSONWritable {
    public func write(to json: inout JSONWriter) {
        json.beginObject()
        json.member("name", name)
        json.member("entity", entity)
        json.member("mention", mention)
        json.endObject()
    }
}
