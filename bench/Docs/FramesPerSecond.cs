using Microsoft.Playwright;

namespace ModelForge.Bench.Docs;

/// <summary>
/// `fps URL SETUP...`: frames per second and paint time of the lineage graph while panning, after
/// each SETUP script (e.g. <c>g.zoom(5)</c>, with <c>g</c> the graph), to find which level of
/// detail is slow.
/// </summary>
internal static class FramesPerSecond
{
    public static async Task<int> RunAsync(string url, string[] setups)
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu"],
        });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1440, Height = 900 } });
        await page.GotoAsync(url + "#/graph");
        await page.WaitForSelectorAsync("#graph-canvas[data-node-count]");
        foreach (var setup in setups)
        {
            var result = await page.EvaluateAsync<string>("""
                setup => new Promise(done => {
                  const g = window.forgeGraph; g.fit(); new Function('g', setup)(g);
                  const start = performance.now(), paint = g.paint;
                  let frames = 0, painting = 0;
                  g.paint = function () { const p0 = performance.now(); paint.call(g); painting += performance.now() - p0; frames++; };
                  const step = now => {
                    g.pan(Math.sin(now / 100) * 3, 1);
                    if (now - start < 2000) requestAnimationFrame(step);
                    else { g.paint = paint; done(g.lod() + ' fps=' + (frames * 1000 / (now - start)).toFixed(1) + ' paint=' + (painting / frames).toFixed(1) + ' ms'); }
                  };
                  requestAnimationFrame(step);
                })
                """, setup);
            Console.WriteLine($"{setup} => {result}");
            if (Environment.GetEnvironmentVariable("FORGE_BENCH_SHOTS") is { Length: > 0 } folder)
            {
                await page.EvaluateAsync("() => window.forgeGraph.paint()");
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, $"fps-{Array.IndexOf(setups, setup)}.png") });
            }
        }
        return 0;
    }
}
