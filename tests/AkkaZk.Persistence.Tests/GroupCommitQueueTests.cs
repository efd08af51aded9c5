namespace AkkaZk.Persistence.Tests;

public sealed class GroupCommitQueueTests
{
    [Fact]
    public void A_lone_item_is_taken_at_once()
    {
        var queue = new GroupCommitQueue<int>();
        queue.Enqueue(1);
        Assert.Equal([1], queue.TakeBatch());
        Assert.True(queue.IsEmpty);
        Assert.Empty(queue.TakeBatch());
    }

    [Fact]
    public void Waiting_items_go_in_order_up_to_the_cap()
    {
        var queue = new GroupCommitQueue<int>(maxBatchSize: 4);
        for (var i = 1; i <= 10; i++) queue.Enqueue(i);
        Assert.Equal([1, 2, 3, 4], queue.TakeBatch());
        Assert.Equal([5, 6], queue.TakeBatch(2));
        Assert.Equal([7, 8, 9, 10], queue.TakeBatch());
        Assert.Equal(0, queue.Count);
    }
}
