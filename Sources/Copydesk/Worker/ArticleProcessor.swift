/// The one call the pipeline makes into analysis: an article in, a line for the sink out.
///
/// It must not throw or crash on bad input: it returns a ``ResultRecord`` whose status says
/// whether the line is a report or a failure record.
public typealias ArticleProcessor = @Sendable (ArticleRecord) -> ResultRecord
