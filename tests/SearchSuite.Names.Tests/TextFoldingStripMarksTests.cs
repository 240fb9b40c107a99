namespace SearchSuite.Names.Tests;

/// <summary>Pins the snippet folder, formerly HitDecorator.Fold (lower case, marks stripped, script kept), on real tokens.</summary>
public sealed class TextFoldingStripMarksTests
{
    [Theory]
    [InlineData("Nguyễn", "nguyen")]
    [InlineData("Nguye\u0302\u0303n", "nguyen")]
    [InlineData("Đảng", "dang")]
    [InlineData("Außen", "außen")]
    [InlineData("Песков", "песков")]
    [InlineData("Йорданов", "иорданов")]
    [InlineData("ПЁТР", "петр")]
    [InlineData("Putin👍", "putin👍")]
    [InlineData("O'Neal", "o'neal")]
    public void Folds_to_lower_case_without_marks(string token, string expected) =>
        Assert.Equal(expected, TextFolding.StripMarks(token));
}
