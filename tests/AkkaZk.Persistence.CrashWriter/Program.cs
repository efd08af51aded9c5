using AkkaZk.Jute;
using AkkaZk.Persistence;

// Usage: CrashWriter <directory> <batchSize> <maxBatches>
// Appends batches of setData txns with fsync on and prints each batch's last zxid once Append has returned
// (= acknowledged as durable). The parent kills it with SIGKILL at an arbitrary point, usually mid-batch.
var directory = args[0];
var batchSize = int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture);
var maxBatches = int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture);
var payload = new byte[256];

using var journal = SqliteJournal.Open(directory, JournalOptions.Durable);
var zxid = journal.LastZxid;
for (var n = 0; n < maxBatches; n++)
{
    var batch = new Txn[batchSize];
    for (var i = 0; i < batchSize; i++)
    {
        zxid++;
        batch[i] = new Txn(new TxnHeader(1, (int)zxid, zxid, 0, OpCode.SetData), new SetDataTxn("/crash", payload, (int)zxid));
    }
    journal.Append(batch);
    Console.Out.WriteLine(zxid);
    Console.Out.Flush();
}
