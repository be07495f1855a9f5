// The Advanced Peripherals Chat Box, as aichat uses it. Its send methods take a JSON text
// component, then the prefix (the bot's name), the brackets around it and their colour (& codes);
// they answer true, or nil (false for another dimension) and a reason, such as
// "chatMessage is on cooldown" when called again within its cooldown (1 s by default).

/** @noSelf */
export interface ChatBox {
  sendFormattedMessage(
    json: string,
    prefix?: string,
    brackets?: string,
    bracketColor?: string,
  ): LuaMultiReturn<[boolean | undefined, string | undefined]>;
  sendFormattedMessageToPlayer(
    json: string,
    player: string,
    prefix?: string,
    brackets?: string,
    bracketColor?: string,
  ): LuaMultiReturn<[boolean | undefined, string | undefined]>;
}

/** The type names of the Chat Box: Advanced Peripherals 0.7 calls it chatBox, later versions chat_box. */
const TYPES = ["chatBox", "chat_box"];

/** The first Chat Box attached (directly or through a wired modem), and its name. */
export function findChatBox(): LuaMultiReturn<[ChatBox, string] | [undefined, undefined]> {
  for (const t of TYPES) {
    const [box] = peripheral.find(t);
    if (box !== undefined) return $multi(box as unknown as ChatBox, peripheral.getName(box));
  }
  return $multi(undefined, undefined);
}
