using Microsoft.Playwright;
using StudyRooms.Testing;

namespace StudyRooms.Browser.Tests;

// Proves locking selected elements (P-MOD-7) in the browser: the owner locks a shape with the lock
// button; a member sees no lock button, cannot pick the locked shape up, and still edits the rest;
// the owner unlocks it and the member can move it again.
[Collection(BrowserCollection.Name)]
public sealed class ElementLockTests(BrowserFixture browser)
{
    [Fact]
    public async Task TheOwnerLocksAShapeThatAMemberThenCannotSelectUntilItIsUnlocked()
    {
        await using var host = await StudyRoomsHost.StartAsync();
        var (ada, bob, _) = await TwoShapesRoom.StartAsync(browser, host.BaseAddress, "Locked shapes");

        // Ada selects the rectangle and locks it; Bob's model shows it locked.
        await ada.ToolAsync("select");
        await ada.ClickAtAsync(200, 190);
        await Assertions.Expect(ada.Page.GetByTestId("board")).ToHaveAttributeAsync("data-selected-count", "1");
        await Assertions.Expect(ada.Page.GetByTestId("action-lock")).ToBeVisibleAsync();
        await ada.Page.GetByTestId("action-lock").ClickAsync();
        await bob.WaitForModelAsync("els.some(e => e.type === 'rectangle' && e.props.locked === true)");

        // Bob has no lock button and cannot pick the rectangle up; the ellipse still moves.
        await Assertions.Expect(bob.Page.GetByTestId("action-lock")).ToBeHiddenAsync();
        await bob.ToolAsync("select");
        await bob.ClickAtAsync(200, 190);
        await Assertions.Expect(bob.Page.GetByTestId("board")).ToHaveAttributeAsync("data-selected-count", "0");
        await bob.DragAsync(201, 190, 251, 240);
        await bob.DragAsync(501, 190, 551, 240);
        await ada.WaitForModelAsync("els.some(e => e.type === 'ellipse' && e.props.x === 550)");
        await ada.WaitForModelAsync("els.some(e => e.type === 'rectangle' && e.props.x === 200 && e.props.y === 150)");

        // Ada unlocks it: Bob can move it again.
        await ada.ClickAtAsync(200, 190);
        await ada.Page.GetByTestId("action-lock").ClickAsync();
        await bob.WaitForModelAsync("els.some(e => e.type === 'rectangle' && e.props.locked === false)");
        await bob.DragAsync(201, 190, 251, 240);
        await ada.WaitForModelAsync("els.some(e => e.type === 'rectangle' && e.props.x === 250 && e.props.y === 200)");
    }
}
