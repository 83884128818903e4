using Microsoft.Playwright;
using NUnit.Framework;

namespace ModelForge.Runner.Tests.Docs;

/// <summary>
/// Debian's Chromium driven by Playwright, headless, with the flags this machine's closed network
/// needs. A missing browser fails the test with the fix, rather than skipping it silently.
/// </summary>
internal static class Chromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            Assert.Fail($"{ExecutablePath} is missing: the docs site's browser tests need Debian's chromium. " +
                "Install it with `apt-get update && apt-get install -y chromium` (./test.sh does this).");
        }
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic", "--allow-file-access-from-files",
            ],
        });
        return (playwright, browser);
    }

    /// <summary>Opens a page on <paramref name="url"/> and collects console errors and page errors.</summary>
    public static async Task<(IPage Page, List<string> Errors)> OpenAsync(IBrowser browser, string url, int width = 1440, int height = 900)
    {
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error") errors.Add(message.Text);
        };
        page.PageError += (_, error) => errors.Add(error);
        page.RequestFailed += (_, request) => errors.Add($"request failed: {request.Url}");
        await page.GotoAsync(url);
        await page.WaitForFunctionAsync("() => window.forgeReady === true");
        return (page, errors);
    }
}
