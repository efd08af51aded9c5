namespace AkkaZk.Jute;

/// <summary>ZooKeeper 3.8 opcodes (ZooDefs.OpCode); also the txn types in TxnHeader.</summary>
public static class OpCode
{
    public const int Notification = 0;
    public const int Create = 1;
    public const int Delete = 2;
    public const int Exists = 3;
    public const int GetData = 4;
    public const int SetData = 5;
    public const int GetAcl = 6;
    public const int SetAcl = 7;
    public const int GetChildren = 8;
    public const int Sync = 9;
    public const int Ping = 11;
    public const int GetChildren2 = 12;
    public const int Check = 13;
    public const int Multi = 14;
    public const int Create2 = 15;
    public const int Reconfig = 16;
    public const int CheckWatches = 17;
    public const int RemoveWatches = 18;
    public const int CreateContainer = 19;
    public const int DeleteContainer = 20;
    public const int CreateTtl = 21;
    public const int MultiRead = 22;
    public const int Auth = 100;
    public const int SetWatches = 101;
    public const int Sasl = 102;
    public const int GetEphemerals = 103;
    public const int GetAllChildrenNumber = 104;
    public const int SetWatches2 = 105;
    public const int AddWatch = 106;
    public const int WhoAmI = 107;
    public const int CreateSession = -10;
    public const int CloseSession = -11;
    public const int Error = -1;
}
