using ModelForge.Compiler.Context.Runtime;

namespace ModelForge.Compiler.Context.Modules;

/// <summary><c>modules</c>: datetime, re, itertools and pytz (UTC and fixed offsets only).</summary>
internal static class ModulesNamespace
{
    public static readonly Namespace Instance = new("<modules>", new Dictionary<string, object?>(StringComparer.Ordinal)
    {
        ["datetime"] = DateTimeModule.Instance,
        ["re"] = ReModule.Instance,
        ["itertools"] = ItertoolsModule.Instance,
        ["pytz"] = new Namespace("<module 'pytz'>", new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["utc"] = PyTimezone.Utc,
            ["UTC"] = PyTimezone.Utc,
            ["timezone"] = new Function("timezone", a =>
            {
                var name = Args.String(a, 0, "zone", "pytz.timezone", "pytz.timezone('UTC')");
                return name is "UTC" or "utc" or "Etc/UTC" or "GMT" ? PyTimezone.Utc : Zone(name, a);
            }),
        }),
    });

    // A named zone becomes its current fixed offset; DST transitions are not modelled.
    private static PyTimezone Zone(string name, Templating.Runtime.CallArguments a)
    {
        try
        {
            var zone = TimeZoneInfo.FindSystemTimeZoneById(name);
            return new PyTimezone(zone.GetUtcOffset(DateTime.UtcNow), name);
        }
        catch (TimeZoneNotFoundException)
        {
            throw ContextErrors.DateValue($"unknown time zone '{name}'", a.CallSpan);
        }
    }
}
