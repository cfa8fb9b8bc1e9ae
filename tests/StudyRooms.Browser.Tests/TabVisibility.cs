using Microsoft.Playwright;

namespace StudyRooms.Browser.Tests;

/// <summary>
/// Hides or shows a page's tab as far as the client can tell: headless Chromium cannot hide a page, so
/// this overrides <c>document.visibilityState</c> and <c>document.hidden</c> and dispatches the
/// <c>visibilitychange</c> event the client listens to.
/// </summary>
public static class TabVisibility
{
    public static Task SetTabHiddenAsync(this IPage page, bool hidden) =>
        page.EvaluateAsync(
            @"hidden => {
                Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => hidden ? 'hidden' : 'visible' });
                Object.defineProperty(document, 'hidden', { configurable: true, get: () => hidden });
                document.dispatchEvent(new Event('visibilitychange'));
            }",
            hidden);
}
