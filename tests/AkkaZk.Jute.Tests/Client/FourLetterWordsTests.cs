namespace AkkaZk.Jute.Tests;

public sealed class FourLetterWordsTests
{
    [Theory]
    [InlineData("conf")] [InlineData("cons")] [InlineData("crst")] [InlineData("dirs")] [InlineData("dump")]
    [InlineData("envi")] [InlineData("gtmk")] [InlineData("ruok")] [InlineData("stmk")] [InlineData("srst")]
    [InlineData("srvr")] [InlineData("stat")] [InlineData("wchc")] [InlineData("wchp")] [InlineData("wchs")]
    [InlineData("mntr")] [InlineData("isro")] [InlineData("hash")]
    public void Known_words_are_detected_from_the_first_int(string word)
    {
        var firstInt = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(Bytes.Utf8(word));

        Assert.True(FourLetterWords.TryGetWord(firstInt, out var found));
        Assert.Equal(word, found);
    }

    [Fact]
    public void Ruok_is_0x72756F6B()
    {
        Assert.Equal(0x72756F6B, FourLetterWords.CodeOf("ruok"));
        Assert.Equal(18, FourLetterWords.Words.Count);
    }

    [Fact]
    public void Telnet_close_is_detected()
    {
        Assert.True(FourLetterWords.TryGetWord(unchecked((int)0xFFF4FFFD), out var word));
        Assert.Equal(FourLetterWords.TelnetClose, word);
    }

    [Theory]
    [InlineData(44)]
    [InlineData(45)]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(0x52554F4B)] // "RUOK": words are case-sensitive
    [InlineData(0x6B696C6C)] // "kill": not a 3.8 word
    public void Other_ints_are_frame_lengths(int firstInt)
    {
        Assert.False(FourLetterWords.TryGetWord(firstInt, out var word));
        Assert.Null(word);
    }
}
