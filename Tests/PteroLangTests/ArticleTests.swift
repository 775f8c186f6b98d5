import PteroLang
import Testing

/// Messages name a type with its article: "an int", "a User".
struct ArticleTests {
    @Test(arguments: [("int", "an int"), ("Egg", "an Egg"), ("Allocation", "an Allocation"), ("User", "a User"),
                      ("uuid", "a uuid"), ("Server", "a Server"), ("list", "a list"), ("unknown", "an unknown")])
    func aTypeNameGetsTheArticleItIsSaidWith(_ word: String, _ expected: String) {
        #expect(Article.with(word) == expected)
    }
}
