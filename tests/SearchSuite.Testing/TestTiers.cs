using System.Reflection;
using System.Reflection.Emit;
using System.Runtime.CompilerServices;

namespace SearchSuite.Testing;

/// <summary>
/// Marks test support that needs something beyond the build (a broker, ../shared, a cluster): a test that reaches a
/// marked type or member must carry the <c>Category</c> trait named here, which <see cref="TestTierAudit"/> checks.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Method | AttributeTargets.Property, Inherited = false)]
public sealed class RequiresCategoryAttribute(string category) : Attribute
{
    public string Category { get; } = category;
}

/// <summary>
/// Finds the tests of an assembly that reach <see cref="RequiresCategoryAttribute"/> support without the matching
/// <c>Category</c> trait (on the method, its class or the assembly), so a new test cannot leave the quick loop's filter
/// with a hidden broker or ../shared dependency. It follows the IL of each test, of its class's constructors and
/// fixtures, and of every helper in the test assembly they call, lambdas and async bodies included.
/// </summary>
public static class TestTierAudit
{
    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    private const BindingFlags Everything =
        BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    /// <summary>Throws, listing them, when any test of the assembly needs a category it does not carry.</summary>
    public static void ThrowIfUntagged(Assembly testAssembly)
    {
        // xunit runs only public classes.
        var problems = UntaggedTests(testAssembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false, IsVisible: true }));
        if (problems.Count > 0)
            throw new InvalidOperationException(
                $"{problems.Count} test(s) would run in the quick loop but need a broker, ../shared or a cluster; tag them (ideally on the class):\n"
                + string.Join('\n', problems));
    }

    /// <summary>One line per test of these classes that needs a category it does not carry: "Class.Method needs Category=X (via Y)".</summary>
    public static IReadOnlyList<string> UntaggedTests(IEnumerable<Type> testClasses)
    {
        var problems = new List<string>();
        var graphs = new Dictionary<Assembly, Reachability>();
        foreach (var testClass in testClasses)
        {
            var audit = graphs.TryGetValue(testClass.Assembly, out var graph) ? graph : graphs[testClass.Assembly] = new Reachability(testClass.Assembly);
            var assemblyCategories = Categories(testClass.Assembly.GetCustomAttributesData(), "Xunit.AssemblyTraitAttribute");
            var classCategories = ClassAndBaseTypes(testClass)
                .SelectMany(t => Categories(t.GetCustomAttributesData(), "Xunit.TraitAttribute")).ToHashSet();
            var setUp = SetUpMethods(testClass).SelectMany(audit.Needs).ToList();
            foreach (var test in testClass.GetMethods(BindingFlags.Public | BindingFlags.Instance).Where(IsTest))
            {
                var carried = Categories(test.GetCustomAttributesData(), "Xunit.TraitAttribute")
                    .Concat(classCategories).Concat(assemblyCategories).ToHashSet();
                foreach (var (category, via) in audit.Needs(test).Concat(setUp).DistinctBy(n => n.Category))
                    if (!carried.Contains(category))
                        problems.Add($"{testClass.FullName}.{test.Name} needs Category={category} (via {via}) but does not carry [Trait(\"Category\", \"{category}\")]");
            }
        }
        return problems;
    }

    private static bool IsTest(MethodInfo method) =>
        method.GetCustomAttributesData().Any(a => IsOrDerivesFrom(a.AttributeType, "Xunit.FactAttribute"));

    private static bool IsOrDerivesFrom(Type? type, string fullName)
    {
        for (; type is not null; type = type.BaseType)
            if (type.FullName == fullName) return true;
        return false;
    }

    private static IEnumerable<string> Categories(IEnumerable<CustomAttributeData> attributes, string traitAttribute) =>
        attributes.Where(a => a.AttributeType.FullName == traitAttribute && a.ConstructorArguments.Count == 2)
            .Where(a => a.ConstructorArguments[0].Value as string == "Category")
            .Select(a => (string)a.ConstructorArguments[1].Value!);

    private static IEnumerable<Type> ClassAndBaseTypes(Type type)
    {
        for (var t = type; t is not null && t != typeof(object); t = t.BaseType) yield return t;
    }

    /// <summary>What runs around every test of the class: its constructors, IAsyncLifetime and the class/collection fixtures' set-up.</summary>
    private static IEnumerable<MethodBase> SetUpMethods(Type testClass)
    {
        var fixtures = testClass.GetInterfaces()
            .Where(i => i.IsGenericType && i.GetGenericTypeDefinition().FullName == "Xunit.IClassFixture`1")
            .Select(i => i.GetGenericArguments()[0]);
        foreach (var type in ClassAndBaseTypes(testClass).Concat(fixtures))
        {
            foreach (var constructor in type.GetConstructors(Everything)) yield return constructor;
            foreach (var method in type.GetMethods(Everything).Where(m => m.Name is "InitializeAsync" or "DisposeAsync" or "Dispose"))
                yield return method;
        }
    }

    /// <summary>The categories each method of the test assembly needs, memoised over its call graph.</summary>
    private sealed class Reachability(Assembly testAssembly)
    {
        private readonly Dictionary<MethodBase, List<(string Category, string Via)>> memo = [];

        public IReadOnlyList<(string Category, string Via)> Needs(MethodBase method)
        {
            if (memo.TryGetValue(method, out var known)) return known;
            var needs = new List<(string, string)>();
            memo[method] = needs; // a cycle sees what is known so far
            foreach (var member in Callees(method))
            {
                if (Required(member) is { } category)
                    needs.Add((category, $"{member.DeclaringType?.Name}.{member.Name}"));
                else if (member is MethodBase callee && callee.Module.Assembly == testAssembly)
                    needs.AddRange(Needs(callee));
            }
            memo[method] = needs = [.. needs.DistinctBy(n => n.Item1)];
            return needs;
        }

        private static string? Required(MemberInfo member)
        {
            // A property's getter carries no attribute of its own; the property does.
            var property = member is MethodInfo { IsSpecialName: true } accessor && member.DeclaringType is { } owner
                ? owner.GetProperties(Everything).FirstOrDefault(p => p.GetMethod == accessor || p.SetMethod == accessor)
                : null;
            return (property ?? member).GetCustomAttribute<RequiresCategoryAttribute>()?.Category
                ?? member.DeclaringType?.GetCustomAttribute<RequiresCategoryAttribute>()?.Category;
        }

        private IEnumerable<MemberInfo> Callees(MethodBase method)
        {
            // An async or iterator method's body is its state machine's MoveNext.
            if (method.GetCustomAttribute<StateMachineAttribute>()?.StateMachineType.GetMethod("MoveNext", Everything) is { } moveNext)
                yield return moveNext;
            var il = method.GetMethodBody()?.GetILAsByteArray();
            if (il is null) yield break;
            var typeArguments = method.DeclaringType is { IsGenericType: true } t ? t.GetGenericArguments() : null;
            var methodArguments = method is MethodInfo { IsGenericMethod: true } m ? m.GetGenericArguments() : null;
            for (var at = 0; at < il.Length;)
            {
                var opCode = il[at] == 0xFE ? OpCodesByValue[(short)(0xFE00 | il[at + 1])] : OpCodesByValue[il[at]];
                at += opCode.Size;
                if (opCode.OperandType is OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineTok)
                {
                    var member = Resolve(method.Module, BitConverter.ToInt32(il, at), typeArguments, methodArguments);
                    if (member is not null)
                    {
                        yield return member;
                        // Touching a type of the test assembly runs its static initialiser (seed lists, shared corpora).
                        if (member.DeclaringType?.TypeInitializer is { } initialiser && member.Module.Assembly == testAssembly)
                            yield return initialiser;
                    }
                }
                at += OperandSize(opCode, il, at);
            }
        }

        private static MemberInfo? Resolve(Module module, int token, Type[]? typeArguments, Type[]? methodArguments)
        {
            try
            {
                return module.ResolveMember(token, typeArguments, methodArguments);
            }
            catch (Exception e) when (e is ArgumentException or BadImageFormatException or TypeLoadException or FileNotFoundException)
            {
                return null; // a token into generic context or an assembly the test never loads cannot reach test support
            }
        }

        private static int OperandSize(OpCode opCode, byte[] il, int at) => opCode.OperandType switch
        {
            OperandType.InlineNone => 0,
            OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
            OperandType.InlineVar => 2,
            OperandType.InlineI8 or OperandType.InlineR => 8,
            OperandType.InlineSwitch => 4 + 4 * BitConverter.ToInt32(il, at),
            _ => 4,
        };
    }
}
