/// The one call the pipeline makes into analysis: an article in, its outcome out.
///
/// It must not throw or crash on bad input: it returns a ``ProcessedArticle`` whose status says
/// whether its line is a report or a failure record.
public typealias ArticleProcessor = @Sendable (ArticleRecord) -> ProcessedArticle
