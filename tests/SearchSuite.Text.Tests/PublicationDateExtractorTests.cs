using SearchSuite.Text.Boilerplate;

namespace SearchSuite.Text.Tests;

public class PublicationDateExtractorTests
{
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);

    /// <summary>Date lines as German, English and Vietnamese outlets print them (tagesschau, Spiegel, Zeit, BBC, Guardian, Reuters, VnExpress, Dan Tri, Tuổi Trẻ).</summary>
    public static TheoryData<string, DateTimeOffset> DateLines => new()
    {
        { "Stand: 04.03.2025 17:32 Uhr", new(2025, 3, 4, 17, 32, 0, TimeSpan.Zero) },
        { "Stand: 4. März 2025, 17:32 Uhr", new(2025, 3, 4, 17, 32, 0, TimeSpan.Zero) },
        { "Veröffentlicht am 04.03.2025", new(2025, 3, 4, 0, 0, 0, TimeSpan.Zero) },
        { "04.03.2025, 17.32 Uhr", new(2025, 3, 4, 17, 32, 0, TimeSpan.Zero) },
        { "Dienstag, 4. März 2025", new(2025, 3, 4, 0, 0, 0, TimeSpan.Zero) },
        { "Published 4 March 2025", new(2025, 3, 4, 0, 0, 0, TimeSpan.Zero) },
        { "Published: March 4, 2025 5:32 PM GMT+1", new(2025, 3, 4, 17, 32, 0, TimeSpan.FromHours(1)) },
        { "First published on Tue 4 Mar 2025 17.32 GMT", new(2025, 3, 4, 17, 32, 0, TimeSpan.Zero) },
        { "March 4, 2025 12:05 AM UTC", new(2025, 3, 4, 0, 5, 0, TimeSpan.Zero) },
        { "Thứ ba, 4/3/2025, 21:29 (GMT+7)", new(2025, 3, 4, 21, 29, 0, Vietnam) },
        { "Thứ Ba, 04/03/2025 - 21:29", new(2025, 3, 4, 21, 29, 0, TimeSpan.Zero) },
        { "Chủ nhật, 02/03/2025 08:15 GMT+7", new(2025, 3, 2, 8, 15, 0, Vietnam) },
        { "Ngày đăng: 04/03/2025 lúc 21:29", new(2025, 3, 4, 21, 29, 0, TimeSpan.Zero) },
        { "ngày 4 tháng 3 năm 2025", new(2025, 3, 4, 0, 0, 0, TimeSpan.Zero) },
        { "Published 2025-03-04 21:29", new(2025, 3, 4, 21, 29, 0, TimeSpan.Zero) },
    };

    [Theory]
    [MemberData(nameof(DateLines))]
    public void Reads_the_date_line(string line, DateTimeOffset expected) => Assert.Equal(expected, PublicationDateExtractor.Read(line));

    [Theory]
    [InlineData("MOSCOW, March 4 (Reuters) - Russia agreed to help")]                       // no year: never guessed
    [InlineData("Am 4. März 2025 telefonierte Trump mit Putin über das Atomprogramm des Iran.")] // a sentence, not a date line
    [InlineData("Updated 5 March 2025")]                                                      // not the publication
    [InlineData("Aktualisiert am 05.03.2025")]
    [InlineData("Stand: 31.02.2025")]                                                         // no such day
    [InlineData("Published 13/13/2025")]
    [InlineData("Stand: 04.03.2025 25:10 Uhr")]
    [InlineData("Kommentar (0)")]
    public void Leaves_other_lines_alone(string line) => Assert.Null(PublicationDateExtractor.Read(line));

    [Fact]
    public void The_first_date_line_becomes_the_publication_time_and_leaves_the_body()
    {
        const string text = "Putin will Trump bei Iran-Gesprächen helfen\nStand: 04.03.2025 17:32 Uhr\n"
            + "Russland hat sich bereit erklärt, der Regierung von US-Präsident Trump bei der Kommunikation mit dem Iran zu helfen.\n"
            + "Veröffentlicht am 01.01.2020";
        var draft = StepRunner.Run(text, new PublicationDateExtractor());

        Assert.Equal(new DateTimeOffset(2025, 3, 4, 17, 32, 0, TimeSpan.Zero), draft.PublishedAt);
        Assert.Equal([(RemovedKind.PublicationDate, "Stand: 04.03.2025 17:32 Uhr")], draft.KindsAndTexts());
        Assert.DoesNotContain("Stand:", draft.Body());
    }

    [Fact]
    public void The_seeds_state_no_publication_date_so_none_is_set()
    {
        foreach (var seed in new[] { TestData.Seed000, TestData.Seed001, TestData.Seed003 })
            Assert.Null(new DocumentNormalizer().Normalize(new RawDocument(TestData.Seed(seed))).PublishedAt);
    }

    [Fact]
    public void The_normalizer_reads_a_vietnamese_dateline_before_the_outlet_dateline()
    {
        var document = new DocumentNormalizer().Normalize(new RawDocument(
            "Ông Putin hứa giúp ông Trump đàm phán hạt nhân với Iran\n\nThứ ba, 4/3/2025, 21:29 (GMT+7)\n"
            + "(Dan Tri) – Tổng thống Nga Vladimir Putin đồng ý hỗ trợ chính quyền Tổng thống Mỹ Donald Trump trong các cuộc đàm phán với Iran."));

        Assert.Equal(new DateTimeOffset(2025, 3, 4, 21, 29, 0, Vietnam), document.PublishedAt);
        Assert.Equal("Ông Putin hứa giúp ông Trump đàm phán hạt nhân với Iran", document.Title);
        Assert.Equal("Dan Tri", document.Outlet);
        Assert.StartsWith("Tổng thống Nga", document.Body);
    }
}
