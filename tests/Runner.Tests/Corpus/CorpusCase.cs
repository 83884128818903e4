using YamlDotNet.RepresentationModel;

namespace ModelForge.Runner.Tests.Corpus;

/// <summary>
/// One tests/Corpus/&lt;name&gt;/ folder: a tiny project plus case.yml saying how forge is run on it
/// (<c>args</c>, <c>env</c>) and what must come out (<c>exit</c>, <c>output</c> lines).
/// </summary>
internal sealed record CorpusCase(string Name, string Folder, IReadOnlyList<string> Args, int Exit,
    IReadOnlyList<string> Output, IReadOnlyDictionary<string, string?> Environment)
{
    public const string FileName = "case.yml";

    public override string ToString() => Name;

    public static CorpusCase Read(string folder)
    {
        var name = Path.GetFileName(folder);
        var stream = new YamlStream();
        using (var reader = new StreamReader(Path.Combine(folder, FileName))) stream.Load(reader);
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode map)
            throw new InvalidDataException($"{name}/{FileName} must be a mapping with args, exit and output");
        YamlNode? Get(string key) => map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;
        IReadOnlyList<string> Strings(string key) => Get(key) is YamlSequenceNode list
            ? list.Children.Select(n => ((YamlScalarNode)n).Value ?? "").ToList()
            : [];
        var exit = Get("exit") is YamlScalarNode { Value: { } text } ? int.Parse(text, System.Globalization.CultureInfo.InvariantCulture)
            : throw new InvalidDataException($"{name}/{FileName} has no 'exit'");
        var environment = Get("env") is YamlMappingNode env
            ? env.Children.ToDictionary(p => ((YamlScalarNode)p.Key).Value!, p => ((YamlScalarNode)p.Value).Value)
            : new Dictionary<string, string?>();
        return new CorpusCase(name, folder, Strings("args"), exit, Strings("output"), environment);
    }
}
