using AkkaZk.Jute;

namespace AkkaZk.Server.Stats;

/// <summary>ZooKeeper's short operation names, shown as lop= in cons.</summary>
public static class OperationNames
{
    public static string Short(int opCode) => opCode switch
    {
        OpCode.Ping => "PING",
        OpCode.CreateSession => "SESS",
        OpCode.CloseSession => "CLOS",
        OpCode.Sync => "SYNC",
        OpCode.WhoAmI => "HOMI",
        OpCode.Create or OpCode.Create2 or OpCode.CreateContainer or OpCode.CreateTtl => "CREA",
        OpCode.Delete or OpCode.DeleteContainer => "DELE",
        OpCode.SetData => "SETD",
        OpCode.SetAcl => "SETA",
        OpCode.Reconfig => "RECO",
        OpCode.Multi => "MULT",
        OpCode.Exists => "EXIS",
        OpCode.GetData => "GETD",
        OpCode.GetAcl => "GETA",
        OpCode.GetChildren or OpCode.GetChildren2 => "GETC",
        OpCode.GetAllChildrenNumber => "GETACN",
        OpCode.GetEphemerals => "GETE",
        OpCode.MultiRead => "MLTR",
        OpCode.SetWatches => "SETW",
        OpCode.SetWatches2 => "STW2",
        OpCode.AddWatch => "ADDW",
        OpCode.CheckWatches => "CHKW",
        OpCode.RemoveWatches => "REMW",
        _ => "NA",
    };
}
