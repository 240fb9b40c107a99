using System.CommandLine;
using SearchSuite.Cli.Output;
using SearchSuite.V1;

namespace SearchSuite.Cli.Commands;

public static class StoryCommand
{
    public static Command Create()
    {
        var id = new Argument<string>("story-id") { Description = "The story id shown in search hits (story_id)" };
        var json = new Option<bool>("--json") { Description = "Print the story as JSON with proto field names, as grpcurl does (indented on a terminal, one line when piped)" };
        var command = new Command("story", "Show one story: its versions, languages, outlets and original") { id, json, GrpcConnection.Server };
        command.SetAction((parse, cancellationToken) => GrpcConnection.RunAsync(parse, async invoker =>
        {
            var story = await new SearchService.SearchServiceClient(invoker).GetStoryAsync(new GetStoryRequest { StoryId = parse.GetValue(id) ?? "" }, cancellationToken: cancellationToken);
            if (parse.GetValue(json)) ProtoJson.Print(story);
            else StoryPrinter.Print(story);
            return 0;
        }));
        return command;
    }
}
