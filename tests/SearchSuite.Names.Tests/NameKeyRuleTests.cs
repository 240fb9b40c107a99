namespace SearchSuite.Names.Tests;

/// <summary>Each rewrite rule on its own, on folded input, and the order the rules must run in.</summary>
public class NameKeyRuleTests
{
    private static NameKeyRule Rule(string name) =>
        NameKey.Rules.SingleOrDefault(r => r.Name == name) ?? throw new InvalidOperationException($"No rule named {name}");

    [Theory]
    [InlineData("x-as-ks", "alexander", "aleksander")]
    [InlineData("slavic-adjective-ending", "selenskyj", "selenski")]
    [InlineData("slavic-adjective-ending", "zelenskiy", "zelenski")]
    [InlineData("slavic-adjective-ending", "zelenskyy", "zelenski")]
    [InlineData("slavic-adjective-ending", "zelensky", "zelenski")]
    [InlineData("slavic-adjective-ending", "skyline", "skyline")]
    [InlineData("slavic-adjective-ending", "zemlinskis", "zemlinski")]
    [InlineData("baltic-nominative-s", "dolgopolovs", "dolgopolov")]
    [InlineData("baltic-nominative-s", "sergeis", "sergei")]
    [InlineData("baltic-nominative-s", "potapkins", "potapkin")]
    [InlineData("baltic-nominative-s", "peskov", "peskov")]
    [InlineData("romanian-schi-as-ski", "juravschi", "juravski")]
    [InlineData("romanian-schi-as-ski", "schiller", "schiller")]
    [InlineData("romanian-ciu-cea-as-X", "panciuc", "panXuc")]
    [InlineData("romanian-ciu-cea-as-X", "ceausescu", "Xausescu")]
    [InlineData("romanian-schi-as-ski", "araghtschi", "araghtschi")]
    [InlineData("romanian-ciu-cea-as-X", "cecilia", "cecilia")]
    [InlineData("romanian-ovici-as-X", "palihovici", "palihoviX")]
    [InlineData("romanian-ovici-as-X", "ciobanu", "ciobanu")]
    [InlineData("dsch-dzh-as-j", "dschumblat", "jumblat")]
    [InlineData("dsch-dzh-as-j", "dzhugashvili", "jugashvili")]
    [InlineData("tsch-tch-as-X", "gorbatschow", "gorbaXow")]
    [InlineData("tsch-tch-as-X", "gorbatchev", "gorbaXev")]
    [InlineData("sch-sh-zh-as-S", "schoigu", "Soigu")]
    [InlineData("sch-sh-zh-as-S", "shoigu", "Soigu")]
    [InlineData("sch-sh-zh-as-S", "zhukov", "Sukov")]
    [InlineData("kh-ch-as-X", "khamenei", "Xamenei")]
    [InlineData("kh-ch-as-X", "chamenei", "Xamenei")]
    [InlineData("ph-as-f", "philipp", "filipp")]
    [InlineData("gh-as-g", "araghXi", "aragXi")]
    [InlineData("h-as-X", "hristova", "Xristova")]
    [InlineData("ck-q-as-k", "araqXi", "arakXi")]
    [InlineData("ck-q-as-k", "witkoff", "witkoff")]
    [InlineData("soft-c-as-s", "tsvetkov", "tsvetkov")]
    [InlineData("soft-c-as-s", "cecilia", "sesilia")]
    [InlineData("hard-c-as-k", "nicolai", "nikolai")]
    [InlineData("ts-tz-z-as-s", "tsarukyan", "sarukyan")]
    [InlineData("ts-tz-z-as-s", "zarukjan", "sarukjan")]
    [InlineData("ts-tz-z-as-s", "zelenski", "selenski")]
    [InlineData("w-as-v", "lawrow", "lavrov")]
    [InlineData("ou-as-u", "poutine", "putine")]
    [InlineData("french-au-as-o", "saumura", "somura")]
    [InlineData("french-au-as-o", "garneau", "garno")]
    [InlineData("french-au-as-o", "paul", "pol")]
    [InlineData("french-au-as-o", "Xau", "Xau")]
    [InlineData("french-au-as-o", "bauer", "bauer")]
    [InlineData("y-j-as-i", "sergej", "sergei")]
    [InlineData("y-j-as-i", "sergey", "sergei")]
    [InlineData("iotated-e", "ievgeni", "evgeni")]
    [InlineData("iotated-e", "sergeiev", "sergeev")]
    [InlineData("iotated-e", "daniel", "daniel")]
    [InlineData("yo-after-hush", "gorbaXev", "gorbaXov")]
    [InlineData("yo-after-hush", "gorbaXeva", "gorbaXova")]
    [InlineData("yo-after-hush", "medvedev", "medvedev")]
    [InlineData("collapse-doubles", "borissov", "borisov")]
    [InlineData("collapse-doubles", "selenskii", "selenski")]
    public void Rule_rewrites_its_pattern_only(string rule, string input, string expected) =>
        Assert.True(Rule(rule).Apply(input) == expected, $"{rule}({input}) = {Rule(rule).Apply(input)}, expected {expected}");

    [Theory]
    // tsch must run before sch, and sch before ch, or Gorbatschow would become gorbatSow / Schoigu sXoigu.
    [InlineData("tsch-tch-as-X", "sch-sh-zh-as-S")]
    [InlineData("sch-sh-zh-as-S", "kh-ch-as-X")]
    [InlineData("kh-ch-as-X", "h-as-X")]
    [InlineData("kh-ch-as-X", "hard-c-as-k")]
    [InlineData("sch-sh-zh-as-S", "ts-tz-z-as-s")]
    [InlineData("slavic-adjective-ending", "y-j-as-i")]
    [InlineData("y-j-as-i", "iotated-e")]
    [InlineData("iotated-e", "collapse-doubles")]
    [InlineData("w-as-v", "collapse-doubles")]
    public void Rules_run_in_dependency_order(string earlier, string later)
    {
        var names = NameKey.Rules.Select(r => r.Name).ToList();
        Assert.True(names.IndexOf(earlier) >= 0 && names.IndexOf(earlier) < names.IndexOf(later),
            $"{earlier} must run before {later}; order is {string.Join(", ", names)}");
    }
}
