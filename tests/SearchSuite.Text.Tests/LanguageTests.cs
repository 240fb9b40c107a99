using SearchSuite.Contracts;
using SearchSuite.Testing;

namespace SearchSuite.Text.Tests;

public class LanguageIdentifierTests
{
    [Theory]
    [InlineData("Moskau behauptet, bereit zu sein, die Beziehungen zwischen dem Iran und den USA durch Verhandlungen zu klären.", "de")]
    [InlineData("Der iranische Führer erklärte, dass man Trump nicht vertrauen könne.", "de")]
    [InlineData("White House officials did not immediately respond to a request for comment.", "en")]
    [InlineData("Neither Russia nor Iran have publicly confirmed or denied the request.", "en")]
    [InlineData("Ông Putin hứa giúp ông Trump đàm phán hạt nhân với Iran.", "vi")]
    [InlineData("Россия готова помочь США в переговорах с Ираном, заявил представитель Кремля.", "ru")]
    [InlineData("Росія готова допомогти США у переговорах з Іраном, заявив представник Кремля.", "uk")]
    [InlineData("La Russie est prête à aider les États-Unis dans les négociations avec l'Iran.", "fr")]
    [InlineData("Rusia está dispuesta a ayudar a Estados Unidos en las negociaciones con Irán.", "es")]
    public void Identifies_the_language_of_a_sentence(string sentence, string expected)
    {
        var guess = LanguageIdentifier.Identify(sentence);
        Assert.True(guess.Language == expected, $"Expected {expected} but got {guess.Language} ({guess.Confidence}) for: {sentence}");
        Assert.InRange(guess.Confidence, 0.01, 1.0);
    }

    [Theory]
    [InlineData("")]
    [InlineData("2025-03-04 12:00")]
    [InlineData("Dundee Stars 5-3 Belfast Giants")]
    [InlineData("badfluence framgangspodden varvet")]
    public void Says_und_without_evidence(string text)
    {
        var guess = LanguageIdentifier.Identify(text);
        Assert.True(guess.Language == LanguageGuess.Undetermined, $"Expected und but got {guess.Language} for: '{text}'");
        Assert.Equal(0, guess.Confidence);
    }

    [Theory]
    [InlineData(TestData.Seed000, "de")]
    [InlineData(TestData.Seed001, "de")]
    [InlineData(TestData.Seed003, "en")]
    public void Identifies_whole_seeds_with_high_confidence(string seed, string expected)
    {
        var guess = LanguageIdentifier.Identify(TestData.CleanSeed(seed));
        Assert.Equal(expected, guess.Language);
        Assert.True(guess.Confidence > 0.5, $"Confidence {guess.Confidence} for seed {seed}");
    }

    // The hand-written profiles were never fitted to NTREX, so it is a fair held-out check.
    [Trait("Category", TestCategories.SharedData)]
    [Theory]
    [InlineData("en")]
    [InlineData("de")]
    [InlineData("vi")]
    [InlineData("ru")]
    public void Ntrex_documents_and_long_sentences_meet_the_accuracy_targets(string language)
    {
        var documents = TestData.Ntrex(language);
        var wrongDocuments = documents.Where(doc => LanguageIdentifier.Identify(doc.Text).Language != language).Select(doc => doc.Title).ToList();
        var sentences = documents.SelectMany(doc => doc.Sentences).Where(s => s.Length >= 40).ToList();
        var wrongSentences = sentences.Where(s => LanguageIdentifier.Identify(s).Language != language).ToList();

        Assert.True(wrongDocuments.Count <= documents.Count * 0.005,
            $"{wrongDocuments.Count}/{documents.Count} {language} documents misidentified, e.g. '{wrongDocuments.FirstOrDefault()}'");
        Assert.True(wrongSentences.Count <= sentences.Count * 0.03,
            $"{wrongSentences.Count}/{sentences.Count} {language} sentences misidentified, e.g. '{wrongSentences.FirstOrDefault()}'");
    }
}

public class IsoLanguageTests
{
    [Theory]
    [InlineData("de", true)]
    [InlineData("en", true)]
    [InlineData("vi", true)]
    [InlineData("ru", true)]
    [InlineData("und", true)]
    [InlineData("DE", false)]
    [InlineData("deu", false)]
    [InlineData("xx", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Accepts_only_iso_639_1_codes_and_und(string? code, bool expected) =>
        Assert.Equal(expected, IsoLanguage.IsValidCode(code));
}

public class ContentFingerprintTests
{
    private const string Sentence = "Kremlin spokesman Dmitry Peskov said in response to questions sent by Bloomberg that “Russia believes”.";

    [Theory]
    [InlineData("Kremlin  spokesman\nDmitry Peskov said in response to questions sent by Bloomberg that \"Russia believes\".")]
    [InlineData("KREMLIN SPOKESMAN DMITRY PESKOV SAID IN RESPONSE TO QUESTIONS SENT BY BLOOMBERG THAT RUSSIA BELIEVES")]
    [InlineData("  Kremlin spokesman Dmitry Peskov said, in response to questions sent by Bloomberg, that 'Russia believes'!  ")]
    public void Whitespace_case_and_punctuation_do_not_change_the_fingerprint(string variant) =>
        Assert.Equal(ContentFingerprint.Compute(Sentence), ContentFingerprint.Compute(variant));

    [Fact]
    public void A_changed_word_changes_the_fingerprint() =>
        Assert.NotEqual(ContentFingerprint.Compute(Sentence), ContentFingerprint.Compute(Sentence.Replace("Peskov", "Peskow")));

    [Fact]
    public void Joining_two_words_changes_the_fingerprint() =>
        Assert.NotEqual(ContentFingerprint.Compute("Saudi Arabia"), ContentFingerprint.Compute("SaudiArabia"));

    [Fact]
    public void Is_sixteen_lower_case_hex_digits_and_stable_across_releases()
    {
        var fingerprint = ContentFingerprint.Compute(Sentence);
        Assert.Matches("^[0-9a-f]{16}$", fingerprint);
        // Pinned: FNV-1a 64 of the UTF-16LE bytes of the folded text (checked independently); stored fingerprints must keep matching.
        Assert.Equal("f49a3d663387eed5", fingerprint);
    }
}

/// <summary>Pins the identifier's word rule (letters, an apostrophe between letters) on apostrophe and mixed text.</summary>
public class LanguageIdentifierWordCharacterizationTests
{
    [Theory]
    [InlineData("L'Iran et l'Arabie saoudite n'ont pas répondu aujourd'hui à l'appel du président.", "fr")]
    [InlineData("Außenministerin Baerbock traf am Dienstag in Berlin ihren Amtskollegen 👍 2024.", "de")]
    [InlineData("Ông Nguye\u0302\u0303n Phú Trọng nói rằng Đảng sẽ tiếp tục đổi mới.", "vi")]
    [InlineData("Песков заявил, что Кремль не комментирует эти сообщения.", "ru")]
    public void Identifies_text_with_apostrophes_digits_and_marks(string text, string expected) =>
        Assert.Equal(expected, LanguageIdentifier.Identify(text).Language);
}
