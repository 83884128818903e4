using System.Net;
using System.Text.Json;
using ModelForge.Compiler.Diagnostics;

namespace ModelForge.Runner.Packages;

/// <summary>
/// The dbt package hub's JSON API, as dbt's registry client reads it: GET &lt;base&gt;api/v1/index.json
/// (every package name) and &lt;base&gt;api/v1/&lt;namespace&gt;/&lt;name&gt;.json (its versions, each with
/// `packages` and `downloads.tarball`). The base is DBT_PACKAGE_HUB_URL or https://hub.getdbt.com/,
/// joined by plain concatenation as dbt does.
/// </summary>
internal sealed class HubClient(HttpClient http, string baseUrl)
{
    public const string DefaultBaseUrl = "https://hub.getdbt.com/";
    private List<string>? _index;
    private readonly Dictionary<string, JsonElement> _packages = new(StringComparer.Ordinal);

    public string BaseUrl { get; } = baseUrl;

    public IReadOnlyList<string> Index(SourceSpan? span)
    {
        if (_index is not null) return _index;
        var json = Get($"{BaseUrl}api/v1/index.json", span);
        if (json.ValueKind != JsonValueKind.Array) throw Unreachable(span, $"{BaseUrl}api/v1/index.json", "the index is not a JSON list");
        return _index = json.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToList();
    }

    /// <summary>The package's JSON; an unknown name is MF1808 with the nearest name from the index.</summary>
    public JsonElement Package(string name, SourceSpan? span)
    {
        if (_packages.TryGetValue(name, out var cached)) return cached;
        var index = Index(span);
        if (!index.Contains(name, StringComparer.Ordinal))
            throw new DiagnosticException(DiagnosticCodes.Packages.UnknownPackage(span, name, NameSuggester.Nearest(name, index, 3)));
        var json = Get($"{BaseUrl}api/v1/{name}.json", span);
        if (json.ValueKind != JsonValueKind.Object || !json.TryGetProperty("versions", out var versions) || versions.ValueKind != JsonValueKind.Object)
            throw Unreachable(span, $"{BaseUrl}api/v1/{name}.json", "the answer has no `versions`");
        return _packages[name] = json;
    }

    public IReadOnlyList<string> Versions(string name, SourceSpan? span) =>
        Package(name, span).GetProperty("versions").EnumerateObject().Select(p => p.Name).ToList();

    public JsonElement Version(string name, string version, SourceSpan? span)
    {
        if (Package(name, span).GetProperty("versions").TryGetProperty(version, out var release) && release.ValueKind == JsonValueKind.Object) return release;
        throw new DiagnosticException(DiagnosticCodes.Packages.NoMatchingVersion(span, name, "=" + version, Versions(name, span), prereleases: true));
    }

    public void Download(string url, string destination, SourceSpan? span)
    {
        try
        {
            using var response = http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead).GetAwaiter().GetResult();
            if (!response.IsSuccessStatusCode)
                throw new DiagnosticException(DiagnosticCodes.Packages.TarballFailed(span, url, $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}"));
            using var file = File.Create(destination);
            response.Content.CopyToAsync(file).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            throw new DiagnosticException(DiagnosticCodes.Packages.TarballFailed(span, url, Reason(e)));
        }
    }

    private JsonElement Get(string url, SourceSpan? span)
    {
        try
        {
            using var response = http.GetAsync(url).GetAwaiter().GetResult();
            if (response.StatusCode == HttpStatusCode.NotFound) throw Unreachable(span, url, "HTTP 404 Not Found");
            if (!response.IsSuccessStatusCode) throw Unreachable(span, url, $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}");
            var text = response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
            using var document = JsonDocument.Parse(text);
            return document.RootElement.Clone();
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            throw Unreachable(span, url, Reason(e));
        }
        catch (JsonException e)
        {
            throw Unreachable(span, url, "the answer is not JSON: " + e.Message);
        }
    }

    private static string Reason(Exception e) => e switch
    {
        TaskCanceledException => "the request timed out",
        HttpRequestException { InnerException: { } inner } => inner.Message,
        _ => e.Message,
    };

    private static DiagnosticException Unreachable(SourceSpan? span, string url, string reason) =>
        new(DiagnosticCodes.Packages.HubUnreachable(span, url, reason));
}
