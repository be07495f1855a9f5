local _0={}
local _1={}
local _2=require
local function require(file,...)
if _1[file]then
return _1[file].value
end
if _0[file]then
local module=_0[file]
local value=nil
if(select("#",...)>0)then value=module(...)else value=module(file)end
_1[file]={value=value}
return value
else
if _2 then
return _2(file)
else
error("module '".. file .."' not found")
end
end
end
_0={
["lualib_bundle"]=function(...)
local function __TS__ObjectAssign(target,...)
local sources={...}
for i=1,#sources do
local source=sources[i]
if type(source)=="table"then
for key in pairs(source)do
target[key]=source[key]
end
end
end
return target
end
local __TS__Unpack=table.unpack or unpack
local function __TS__Class(self)
local c={prototype={}}
c.prototype.__index=c.prototype
c.prototype.constructor=c
return c
end
local function __TS__New(target,...)
local instance=setmetatable({},target.prototype)
instance:____constructor(...)
return instance
end
return{
__TS__ObjectAssign=__TS__ObjectAssign,
__TS__Unpack=__TS__Unpack,
__TS__Class=__TS__Class,
__TS__New=__TS__New
}
end,
["players"]=function(...)
local _3={}
_3.SESSIONS_FILE="/.aichat_sessions"
local players={}
local function load()
if not fs.exists(_3.SESSIONS_FILE)then
return{}
end
local f=fs.open(_3.SESSIONS_FILE,"r")
if not f then
return{}
end
local data=f.readAll()
f.close()
local t=textutils.unserialise(data or"")
return type(t)=="table"and t or({})
end
local remembered=load()
local function save()
local f=fs.open(_3.SESSIONS_FILE,"w")
if not f then
return
end
f.write(textutils.serialise(remembered))
f.close()
end
function _3.player(uuid,name)
local p=players[uuid]
if p==nil then
local _4=uuid
local _5=name
local _6=remembered[uuid]
p={
uuid=_4,
name=_5,
session=_6 and _6.session,
queue={},
busy=false,
spoke=false,
stopped=false,
recent={}
}
players[uuid]=p
end
p.name=name
return p
end
function _3.setSession(p,session)
p.session=session
if session==nil then
remembered[p.uuid]=nil
else
remembered[p.uuid]={session=session,name=p.name}
end
save()
end
function _3.withinRate(p,perMinute)
if perMinute<=0 then
return true,0
end
local now=os.epoch("utc")
local recent={}
for ____,t in ipairs(p.recent)do
if now-t<60000 then
recent[#recent+1]=t
end
end
p.recent=recent
if#recent>=perMinute then
return false,math.ceil((60000-(now-recent[1]))/1000)
end
recent[#recent+1]=now
return true,0
end
function _3.byTimer(id)
for ____,p in pairs(players)do
if p.thinkingTimer==id then
return p
end
end
return nil
end
return _3
end,
["settings"]=function(...)
local _3={}
_3.CHAT_SETTINGS={
{name="opencc.chat_prefix",type="string",default="@ai",description="aichat: a chat message starting with this is a prompt ($ai <prompt> works too, hidden)"},
{name="opencc.chat_name",type="string",default="AI",description="aichat: the bot's name in chat"},
{name="opencc.chat_public",type="boolean",default=false,description="aichat: replies go to everyone (false: to the asker only; hidden prompts always privately)"},
{name="opencc.chat_permissions",type="string",default="ask",description="aichat: ask: the agent's permission requests and questions go to the player; reject: refused"},
{name="opencc.chat_players",type="string",default="",description="aichat: players allowed to ask, separated by commas or spaces; empty: everyone"},
{name="opencc.chat_rate",type="number",default=6,description="aichat: prompts per player per minute; 0: no limit"},
{name="opencc.chat_max_prompt",type="number",default=200,description="aichat: longest prompt in characters (Minecraft chat allows 256)"},
{name="opencc.chat_cooldown",type="number",default=1,description="aichat: seconds between its messages, the Chat Box's cooldown on this server (Advanced Peripherals' chatBoxCooldown, 1 by default)"}
}
function _3.defineChatSettings()
for ____,s in ipairs(_3.CHAT_SETTINGS)do
settings.define(s.name,{description=s.description,type=s.type,default=s.default})
end
end
local function get(name)
local def=_3.CHAT_SETTINGS[1]
for ____,s in ipairs(_3.CHAT_SETTINGS)do
if s.name==name then
def=s
end
end
local value=settings.get(name)
if value==nil then
return def.default
end
if type(value)~=def.type then
error(
(((((((name .." must be a ").. def.type)..", not ").. tostring(value))..": set ").. name).." ").. tostring(def.default),
0
)
end
return value
end
function _3.readChatConfig()
local prefix=get("opencc.chat_prefix")
local word=string.gsub(prefix,"^[^%w]+","")
if word==""or(string.find(prefix,"%s"))~=nil then
error(("opencc.chat_prefix \"".. prefix).."\" needs a word and no spaces: set opencc.chat_prefix @ai",0)
end
local permissions=get("opencc.chat_permissions")
if permissions~="ask"and permissions~="reject"then
error(("opencc.chat_permissions is \"".. permissions).."\": set opencc.chat_permissions ask (or reject)",0)
end
local players={}
for p in string.gmatch(
get("opencc.chat_players"),
"[^,%s]+"
)do
players[#players+1]=string.lower(p)
end
local rate=get("opencc.chat_rate")
if rate<0 then
error("opencc.chat_rate must be 0 or more prompts a minute: set opencc.chat_rate 6",0)
end
local maxPrompt=get("opencc.chat_max_prompt")
if maxPrompt<1 then
error("opencc.chat_max_prompt must be positive: set opencc.chat_max_prompt 200",0)
end
local cooldown=get("opencc.chat_cooldown")
if cooldown<0 then
error("opencc.chat_cooldown must be 0 or more seconds: set opencc.chat_cooldown 1",0)
end
return{
prefix=prefix,
word=word,
name=get("opencc.chat_name"),
public=get("opencc.chat_public"),
permissions=permissions,
players=players,
rate=rate,
maxPrompt=maxPrompt,
cooldown=cooldown
}
end
return _3
end,
["markdown"]=function(...)
local _7=require("lualib_bundle")
local __TS__ObjectAssign=_7.__TS__ObjectAssign
local _3={}
_3.CODE_COLOR="aqua"
_3.LINK_COLOR="blue"
local HEADING_COLOR="gold"
local BULLET="•"
local function push(out,text,style,url)
if text==""then
return
end
local _8=out
local _9=text
local _a
if style.bold==true then
_a=true
else
_a=nil
end
local _b
if style.italic==true then
_b=true
else
_b=nil
end
_8[#_8+1]={
text=_9,
bold=_a,
italic=_b,
color=url~=nil and _3.LINK_COLOR or style.color,
url=url
}
end
function _3.inline(line,base)
if base==nil then
base={}
end
local out={}
local plain=""
local i=1
local n=#line
local function flush()
push(out,plain,base)
plain=""
end
while i<=n do
do
local __continue6
repeat
local c=string.sub(line,i,i)
if c=="`"then
local s,e,code=string.find(line,"^`([^`]+)`",i)
if s~=nil then
flush()
push(
out,
code,
__TS__ObjectAssign({},base,{color=_3.CODE_COLOR})
)
i=e+1
__continue6=true
break
end
elseif c=="*"or c=="_"then
local double=string.sub(line,i,i+1)==c .. c
local mark=double and(("%".. c).."%").. c or"%".. c
local s,e,inner=string.find(line,(((((("^".. mark).."([^%s").. c).."][^").. c).."]-)").. mark,i)
local edge=i==1 or(string.find(
string.sub(line,i-1,i-1),
"[%w]"
))==nil
if s~=nil and edge then
flush()
for ____,sp in ipairs(_3.inline(
inner,
__TS__ObjectAssign({},base,{bold=base.bold or double,italic=base.italic or not double})
))do
out[#out+1]=sp
end
i=e+1
__continue6=true
break
end
elseif c=="["then
local s,e,label,url=string.find(line,"^%[([^%]]+)%]%((%S-)%)",i)
if s~=nil then
flush()
if(string.find(url,"^https?://"))~=nil then
push(out,label,base,url)
else
push(out,label,base)
end
i=e+1
__continue6=true
break
end
end
plain=plain .. c
i=i+1
__continue6=true
until true
if not __continue6 then
break
end
end
end
flush()
return out
end
function _3.parseMarkdown(text)
local paragraphs={}
local current={}
local inCode=false
local function ____end()
if#current>0 then
paragraphs[#paragraphs+1]=current
end
current={}
end
local normalised=string.gsub(text,"\r\n?","\n")
for raw in string.gmatch(normalised .."\n","([^\n]*)\n")do
do
local __continue20
repeat
if(string.find(raw,"^%s*```"))~=nil then
____end()
inCode=not inCode
__continue20=true
break
end
if inCode then
if raw~=""then
current[#current+1]={{text=raw,color=_3.CODE_COLOR}}
end
__continue20=true
break
end
local line=string.gsub(raw,"%s+$","")
if line==""then
____end()
__continue20=true
break
end
local hashes,heading=string.match(line,"^(#+)%s+(.*)$")
if hashes~=nil then
____end()
current[#current+1]=_3.inline(heading,{bold=true,color=HEADING_COLOR})
__continue20=true
break
end
local indent,item=string.match(line,"^(%s*)[-*+]%s+(.*)$")
if indent~=nil then
local spans=_3.inline(item)
table.insert(spans,1,{text=(indent .. BULLET).." "})
current[#current+1]=spans
__continue20=true
break
end
current[#current+1]=_3.inline(line)
__continue20=true
until true
if not __continue20 then
break
end
end
end
____end()
return paragraphs
end
return _3
end,
["component"]=function(...)
local _3={}
local PLAIN_RUN=((("^[^\"\\%c".. string.char(127)).."-").. string.char(255)).."]+"
local function hex4(n)
return string.format("\\u%04x",n)
end
local function codePoint(s,i)
local b=string.byte(s,i)
local need=b>=240 and b<248 and 4 or(b>=224 and 3 or(b>=194 and b<224 and 2 or 1))
if need==1 or b>=248 then
return b,1
end
local cp=b%(need==2 and 32 or(need==3 and 16 or 8))
do
local k=1
while k<need do
local c=string.byte(s,i+k)
if c==nil or c<128 or c>191 then
return b,1
end
cp=cp*64+c%64
k=k+1
end
end
return cp,need
end
function _3.jsonString(s)
local out={"\""}
local i=1
while i<=#s do
do
local __continue9
repeat
local b=string.byte(s,i)
if b>=32 and b<127 then
local ____,e=string.find(s,PLAIN_RUN,i)
if e~=nil then
out[#out+1]=string.sub(s,i,e)
i=e+1
__continue9=true
break
end
out[#out+1]=b==34 and"\\\""or(b==92 and"\\\\"or string.char(b))
i=i+1
__continue9=true
break
end
if b==10 then
out[#out+1]="\\n"
elseif b<128 then
out[#out+1]=hex4(b)
else
local cp,len=codePoint(s,i)
if cp>=65536 then
local v=cp-65536
out[#out+1]=hex4(55296+math.floor(v/1024)).. hex4(56320+v%1024)
else
out[#out+1]=hex4(cp)
end
i=i+len
__continue9=true
break
end
i=i+1
__continue9=true
until true
if not __continue9 then
break
end
end
end
out[#out+1]="\""
return table.concat(out)
end
local function spanJson(s)
local fields={"\"text\":".. _3.jsonString(s.text)}
if s.bold then
fields[#fields+1]="\"bold\":true"
end
if s.italic then
fields[#fields+1]="\"italic\":true"
end
if s.color~=nil then
fields[#fields+1]="\"color\":".. _3.jsonString(s.color)
end
if s.url~=nil then
fields[#fields+1]="\"underlined\":true"
fields[#fields+1]=("\"clickEvent\":{\"action\":\"open_url\",\"value\":".. _3.jsonString(s.url)).."}"
end
return("{".. table.concat(fields,",")).."}"
end
function _3.componentJson(lines)
local parts={}
do
local i=0
while i<#lines do
if i>0 then
parts[#parts+1]="{\"text\":\"\\n\"}"
end
for ____,s in ipairs(lines[i+1])do
parts[#parts+1]=spanJson(s)
end
i=i+1
end
end
return("{\"text\":\"\",\"extra\":[".. table.concat(parts,",")).."]}"
end
function _3.noteJson(text,color)
if color==nil then
color="gray"
end
return _3.componentJson({{{text=text,color=color}}})
end
return _3
end,
["chatbox"]=function(...)
local _3={}
local TYPES={"chatBox","chat_box"}
function _3.findChatBox()
for ____,t in ipairs(TYPES)do
local box=peripheral.find(t)
if box~=nil then
return box,peripheral.getName(box)
end
end
return nil,nil
end
return _3
end,
["outbox"]=function(...)
local _7=require("lualib_bundle")
local __TS__Unpack=_7.__TS__Unpack
local _3={}
local queues={}
local turns={}
local WAKE="aichat_send"
local MAX_GAP=10
local RETRY=0.25
local gap=1
local sent=0
local refused=0
function _3.say(to,json)
local key=to or"*"
local q=queues[key]
if q==nil then
q={}
queues[key]=q
end
q[#q+1]={to=to,json=json}
if#q==1 then
turns[#turns+1]=key
end
os.queueEvent(WAKE)
end
function _3.waiting()
local n=0
for ____,key in ipairs(turns)do
local _6=queues[key]
n=n+(_6 and#_6 or 0)
end
return n
end
function _3.stats()
return{sent=sent,refused=refused,gap=gap}
end
local function pause(seconds)
local id=os.startTimer(seconds)
while true do
local event,timer=os.pullEventRaw("timer")
if event=="timer"and timer==id then
return
end
end
end
local function isCooldown(reason)
return reason~=nil and(string.find(
string.lower(reason),
"cooldown",
1,
true
))~=nil
end
function _3.runOutbox(box,name,cooldown,onDrop)
gap=cooldown
local next=0
while true do
do
local __continue14
repeat
local key=turns[1]
if key==nil then
os.pullEventRaw(WAKE)
__continue14=true
break
end
local q=queues[key]
local m=q[1]
local wait=next-os.epoch("utc")
if wait>0 then
pause(wait/1000)
__continue14=true
break
end
local delivered=false
local why
local ok,err=pcall(function()
local result,reason=__TS__Unpack(m.to~=nil and({box.sendFormattedMessageToPlayer(
m.json,
m.to,
name,
"[]",
"&b"
)})or({box.sendFormattedMessage(m.json,name,"[]","&b")}))
delivered=result==true
why=reason
end)
if not ok then
why=tostring(err)
end
if delivered then
sent=sent+1
next=os.epoch("utc")+gap*1000
elseif isCooldown(why)then
refused=refused+1
gap=math.min(gap+RETRY,MAX_GAP)
next=os.epoch("utc")+RETRY*1000
__continue14=true
break
else
onDrop(m.to or"everyone",why or"refused")
next=os.epoch("utc")+gap*1000
end
table.remove(q,1)
table.remove(turns,1)
if#q>0 then
turns[#turns+1]=key
end
__continue14=true
until true
if not __continue14 then
break
end
end
end
end
return _3
end,
["split"]=function(...)
local _7=require("lualib_bundle")
local __TS__Unpack=_7.__TS__Unpack
local __TS__ObjectAssign=_7.__TS__ObjectAssign
local _3={}
_3.MESSAGE_BYTES=240
_3.MAX_MESSAGES=20
local function lineBytes(line)
local n=0
for ____,s in ipairs(line)do
n=n+#s.text
end
return n
end
local function isContinuation(b)
return b~=nil and b>=128 and b<=191
end
local function cutAt(text,limit)
local head=string.sub(text,1,limit+1)
local best
for at in string.gmatch(head,"[.!?:;]()%s")do
local pos=at
if pos-1<=limit and pos-1>=limit/3 then
best=pos-1
end
end
if best~=nil then
return best
end
for at in string.gmatch(head,"()%s")do
local pos=at
if pos-1<=limit and pos>1 then
best=pos-1
end
end
if best~=nil and best>0 then
return best
end
local cut=limit
while cut>1 and isContinuation(string.byte(text,cut+1))do
cut=cut-1
end
return cut
end
function _3.splitLine(line,limit)
local out={}
local current={}
local used=0
local queue={__TS__Unpack(line)}
while#queue>0 do
do
local __continue15
repeat
local span=table.remove(queue,1)
if used+#span.text<=limit then
current[#current+1]=span
used=used+#span.text
__continue15=true
break
end
local room=limit-used
local cut=room>0 and cutAt(span.text,room)or 0
if#current>0 and(cut<=0 or cut<room/3)then
out[#out+1]=current
current={}
used=0
table.insert(queue,1,span)
__continue15=true
break
end
current[#current+1]=__TS__ObjectAssign(
{},
span,
{text=string.sub(span.text,1,cut)}
)
out[#out+1]=current
current={}
used=0
local rest=string.gsub(
string.sub(span.text,cut+1),
"^%s+",
""
)
if rest~=""then
table.insert(
queue,
1,
__TS__ObjectAssign({},span,{text=rest})
)
end
__continue15=true
until true
if not __continue15 then
break
end
end
end
if#current>0 then
out[#out+1]=current
end
return out
end
function _3.splitMessages(paragraphs,limit)
if limit==nil then
limit=_3.MESSAGE_BYTES
end
local messages={}
local current={}
local used=0
local function flush()
if#current>0 then
messages[#messages+1]=current
end
current={}
used=0
end
local function add(line)
local n=lineBytes(line)+(#current>0 and 1 or 0)
if used+n>limit then
flush()
end
current[#current+1]=line
used=used+(lineBytes(line)+(#current>1 and 1 or 0))
end
for ____,paragraph in ipairs(paragraphs)do
local size=0
for ____,line in ipairs(paragraph)do
size=size+(lineBytes(line)+1)
end
if#current>0 and used+size>limit and size<=limit then
flush()
end
for ____,line in ipairs(paragraph)do
if lineBytes(line)>limit then
for ____,piece in ipairs(_3.splitLine(line,limit))do
add(piece)
end
else
add(line)
end
end
end
flush()
return messages
end
return _3
end,
["speak"]=function(...)
local _3={}
local _c=require("component")
local componentJson=_c.componentJson
local noteJson=_c.noteJson
local _d=require("markdown")
local parseMarkdown=_d.parseMarkdown
local _e=require("outbox")
local say=_e.say
local _f=require("split")
local MAX_MESSAGES=_f.MAX_MESSAGES
local splitMessages=_f.splitMessages
function _3.tell(p,text,color)
if color==nil then
color="gray"
end
p.spoke=true
say(
p.name,
noteJson(text,color)
)
end
function _3.deliver(cfg,p,item,text)
local _a
if cfg.public and not item.hidden then
_a=nil
else
_a=p.name
end
local to=_a
local messages=splitMessages(parseMarkdown(text~=""and text or"(The agent stopped without a reply.)"))
if to==nil then
table.insert(messages[1][1],1,{text=("@".. p.name).." ",color="yellow"})
end
local n=math.min(#messages,MAX_MESSAGES)
do
local i=0
while i<n do
say(
to,
componentJson(messages[i+1])
)
i=i+1
end
end
if#messages>n then
local more={{
text=("(".. tostring(#messages-n)).." more messages cut: ask for a shorter answer)",
color="gray"
}}
say(
to,
componentJson({more})
)
end
p.spoke=true
end
return _3
end,
["answers"]=function(...)
local _3={}
local describePermission
local _g=require("speak")
local tell=_g.tell
function describePermission(req)
local m=req.metadata
for ____,k in ipairs({"command","description","filepath","filePath"})do
if type(m[k])=="string"then
return(req.permission ..": ").. m[k]
end
end
return#req.patterns>0 and(req.permission ..": ").. table.concat(req.patterns," ")or req.permission
end
_3.ANSWER_TIMEOUT=120
local ANSWER="aichat_answer"
function _3.answer(cfg,p,command,pick)
local a=p.awaiting
if a.kind=="permission"then
if command=="pick"then
tell(p,((((("Answer ".. cfg.prefix).." yes, ").. cfg.prefix).." always or ").. cfg.prefix).." no.","yellow")
return
end
os.queueEvent(ANSWER,p.uuid,command=="yes"and"once"or(command=="always"and"always"or"reject"))
else
if command=="no"then
os.queueEvent(ANSWER,p.uuid,0)
elseif command=="pick"and pick>=1 and pick<=a.options then
os.queueEvent(ANSWER,p.uuid,pick)
else
tell(
p,
((((((("Answer ".. cfg.prefix).." 1 to ").. cfg.prefix).." ").. tostring(a.options))..", or ").. cfg.prefix).." no.",
"yellow"
)
end
end
end
function _3.refuseWaiting(p)
if p.awaiting~=nil then
os.queueEvent(ANSWER,p.uuid,p.awaiting.kind=="permission"and"reject"or 0)
end
end
local function waitAnswer(p,kind,options,fallback)
p.awaiting={kind=kind,options=options}
local timer=os.startTimer(_3.ANSWER_TIMEOUT)
while true do
local event,a,b=os.pullEventRaw()
if event=="terminate"then
p.awaiting=nil
error("Terminated",0)
end
if event==ANSWER and a==p.uuid then
os.cancelTimer(timer)
p.awaiting=nil
return b
end
if event=="timer"and a==timer then
p.awaiting=nil
tell(
p,
("No answer within ".. tostring(_3.ANSWER_TIMEOUT)).." s: refused.",
"yellow"
)
return fallback
end
end
end
function _3.onPermission(cfg,p,req)
local what=describePermission(req)
if cfg.permissions=="reject"then
tell(p,("The agent wanted to use ".. what).."; refused (opencc.chat_permissions is reject).","yellow")
return"reject"
end
local x=cfg.prefix
tell(p,((((((("The agent wants to use ".. what)..". Answer ").. x).." yes, ").. x).." always or ").. x).." no.","yellow")
return waitAnswer(p,"permission",0,"reject")
end
function _3.onQuestion(cfg,p,req)
if cfg.permissions=="reject"then
tell(p,"The agent asked a question; refused (opencc.chat_permissions is reject).","yellow")
return nil
end
local answers={}
for ____,q in ipairs(req.questions)do
local n=#q.options
local options={}
do
local i=1
while i<=n do
options[#options+1]=(tostring(i)..") ").. q.options[i].label
i=i+1
end
end
local x=cfg.prefix
tell(
p,
((((((((((q.question .." ").. table.concat(options,"  ")).."  Answer ").. x).." 1 to ").. x).." ").. tostring(n))..", or ").. x).." no.",
"yellow"
)
local pick=waitAnswer(p,"question",n,0)
if pick==0 then
return nil
end
answers[#answers+1]={q.options[pick].label}
end
return answers
end
return _3
end,
["log"]=function(...)
local _3={}
local ai=require("libai")
_3.LOG_FILE="/aichat.log"
_3.LOG_BYTES=32768
local function stamp()
return os.date("%H:%M:%S")
end
local function toFile(line)
if fs.exists(_3.LOG_FILE)and fs.getSize(_3.LOG_FILE)+#line+1>_3.LOG_BYTES then
if fs.exists(_3.LOG_FILE ..".old")then
fs.delete(_3.LOG_FILE ..".old")
end
fs.move(_3.LOG_FILE,_3.LOG_FILE ..".old")
end
local f=fs.open(_3.LOG_FILE,"a")
if not f then
return
end
f.writeLine(line)
f.close()
end
local function show(line,colour)
if term.isColour()then
term.setTextColour(colour)
end
print(line)
if term.isColour()then
term.setTextColour(colours.white)
end
end
function _3.logPrompt(player,length,seconds,outcome,failed)
local line=string.format(
"%s %s %d ch %.1f s %s",
stamp(),
player,
length,
seconds,
outcome
)
show(line,failed and colours.red or colours.white)
toFile(line)
end
function _3.logInfo(text,failed)
if failed==nil then
failed=false
end
local line=(stamp().." ").. ai.toCC(text)
show(line,failed and colours.red or colours.lightGrey)
toFile(line)
end
return _3
end,
["parse"]=function(...)
local _3={}
local COMMANDS={
help="help",
new="new",
stop="stop",
yes="yes",
y="yes",
always="always",
no="no",
n="no"
}
local function after(message,lead)
local n=#lead
if string.lower(string.sub(message,1,n))~=string.lower(lead)then
return nil
end
local rest=string.sub(message,n+1)
if rest~=""and(string.find(rest,"^%s"))==nil then
return nil
end
return(string.match(rest,"^%s*(.-)%s*$"))or""
end
function _3.parseChat(message,hidden,cfg)
local text=after(message,cfg.prefix)
if text==nil and hidden then
text=after(message,cfg.word)or after(message,"$".. cfg.word)
end
if text==nil then
return nil
end
local word=string.lower(text)
local command=COMMANDS[word]
if command~=nil then
return{command=command,text=text,hidden=hidden}
end
if(string.find(word,"^%d+$"))~=nil then
return{
command="pick",
pick=tonumber(word),
text=text,
hidden=hidden
}
end
if text==""then
return{command="help",text=text,hidden=hidden}
end
return{text=text,hidden=hidden}
end
return _3
end,
["tasks"]=function(...)
local _7=require("lualib_bundle")
local __TS__Unpack=_7.__TS__Unpack
local _3={}
local tasks={}
local function step(t,event)
local ok,value=coroutine.resume(
t.co,
__TS__Unpack(event)
)
if coroutine.status(t.co)=="dead"then
do
local i=#tasks-1
while i>=0 do
if tasks[i+1]==t then
table.remove(tasks,i+1)
end
i=i-1
end
end
if t.onEnd~=nil then
local _h=t.onEnd
local _i
if ok then
_i=nil
else
_i=value
end
_h(_i)
end
else
t.filter=value
end
end
function _3.spawn(fn,onEnd)
local t={
co=coroutine.create(fn),
onEnd=onEnd
}
tasks[#tasks+1]=t
step(t,{})
end
function _3.dispatch(event)
local name=event[1]
for ____,t in ipairs({__TS__Unpack(tasks)})do
if t.filter==nil or t.filter==name or name=="terminate"then
step(t,event)
end
end
end
function _3.running()
return#tasks
end
return _3
end,
["worker"]=function(...)
local _3={}
local startWorker,work,ask,askOnce,failureLine
local ai=require("libai")
local _j=require("answers")
local onPermission=_j.onPermission
local onQuestion=_j.onQuestion
local _k=require("log")
local logInfo=_k.logInfo
local logPrompt=_k.logPrompt
local _l=require("players")
local setSession=_l.setSession
local withinRate=_l.withinRate
local _g=require("speak")
local deliver=_g.deliver
local tell=_g.tell
local _m=require("tasks")
local spawn=_m.spawn
function startWorker(b,p)
p.busy=true
spawn(
function()
work(b,p)
end,
function(err)
p.busy=false
p.running=nil
p.awaiting=nil
if err==nil or err=="Terminated"then
return
end
logInfo(
"aichat: ".. tostring(err),
true
)
tell(p,"Something went wrong on the AI's computer; please try again.","red")
if#p.queue>0 then
startWorker(b,p)
end
end
)
end
function work(b,p)
while#p.queue>0 do
local item=table.remove(p.queue,1)
p.running=item
p.spoke=false
p.stopped=false
p.thinkingTimer=os.startTimer(_3.THINKING_AFTER)
local text,err=ask(b,p,item)
if p.thinkingTimer~=nil then
os.cancelTimer(p.thinkingTimer)
end
p.thinkingTimer=nil
p.running=nil
local seconds=(os.epoch("utc")-item.at)/1000
if text~=nil then
deliver(b.cfg,p,item,text)
logPrompt(
p.name,
#item.text,
seconds,
"ok",
false
)
else
local stopped=p.stopped and err.name=="MessageAbortedError"
tell(
p,
stopped and"Stopped."or failureLine(err,item),
stopped and"gray"or"red"
)
logPrompt(
p.name,
#item.text,
seconds,
stopped and"stopped"or err.kind,
not stopped
)
if not stopped then
logInfo(err.message,true)
end
end
end
end
function ask(b,p,item)
local text,err=askOnce(b,p,item)
if text~=nil then
return text,nil
end
if err.kind~="session_gone"then
return nil,err
end
setSession(p,nil)
return askOnce(b,p,item)
end
function askOnce(b,p,item)
if p.session==nil then
local s,____,err=ai.protect(function()return b.client:createSession("Minecraft chat: ".. p.name)end)
if s==nil then
return nil,err
end
setSession(p,s.id)
end
local text,____,err=ai.ask(
item.text,
{
client=b.client,
session=p.session,
raw=true,
onPermission=function(req)return onPermission(b.cfg,p,req)end,
onQuestion=function(req)return onQuestion(b.cfg,p,req)end
}
)
if text~=nil then
return text,nil
end
return nil,err
end
function failureLine(err,item)
local short=(err.kind=="unreachable"or err.kind=="blocked"or err.kind=="http_disabled"or err.kind=="bad_url")and"The AI server cannot be reached right now; try again later."or(err.kind=="auth"and"The AI server refused this computer's credentials; tell the computer's owner."or(err.kind=="timeout"and"No answer in time, so the reply was stopped; try asking for less."or(err.kind=="assistant"and("The model failed ("..(err.name or"error")).."); try again or start over with new."or"The AI could not answer (the computer's screen says why); try again later.")))
local prompt=string.len(item.text)>60 and string.sub(item.text,1,57).."..."or item.text
return(short .." Your prompt was: ").. prompt
end
_3.THINKING_AFTER=5
function _3.enqueue(b,p,text,hidden)
local cfg=b.cfg
local kept=hidden and" Your prompt was: ".. text or""
if#text>cfg.maxPrompt then
tell(
p,
(((("Please keep prompts under ".. tostring(cfg.maxPrompt)).." characters (that one has ").. tostring(#text))..").").. kept,
"yellow"
)
logPrompt(
p.name,
#text,
0,
"too long",
true
)
return
end
local ok,wait=withinRate(p,cfg.rate)
if not ok then
tell(
p,
(((("Slow down: at most ".. tostring(cfg.rate)).." prompts a minute. Try again in ").. tostring(wait)).." s.").. kept,
"yellow"
)
logPrompt(
p.name,
#text,
0,
"rate limit",
true
)
return
end
local _n=p.queue
_n[#_n+1]={
text=text,
hidden=hidden,
at=os.epoch("utc")
}
if p.busy then
tell(
p,
("Queued: your earlier prompt is still being answered (".. tostring(#p.queue)).." waiting)."
)
return
end
startWorker(b,p)
end
return _3
end,
["bot"]=function(...)
local _7=require("lualib_bundle")
local __TS__Class=_7.__TS__Class
local _3={}
local listed
local ai=require("libai")
local _j=require("answers")
local answer=_j.answer
local refuseWaiting=_j.refuseWaiting
local _k=require("log")
local logInfo=_k.logInfo
local _o=require("parse")
local parseChat=_o.parseChat
local _l=require("players")
local player=_l.player
local setSession=_l.setSession
local _g=require("speak")
local tell=_g.tell
local _m=require("tasks")
local spawn=_m.spawn
local _p=require("worker")
local enqueue=_p.enqueue
function listed(names,name)
for ____,n in ipairs(names)do
if n==name then
return true
end
end
return false
end
_3.HELP_LINES={"<prefix> <prompt>: ask (your own conversation; $<word> <prompt> asks privately)","<prefix> new: start a new conversation","<prefix> stop: stop the reply you are waiting for","<prefix> yes / always / no: answer the agent's permission request; <prefix> 2: pick an option"}
_3.Bot=__TS__Class()
local Bot=_3.Bot
Bot.name="Bot"
function Bot.prototype.____constructor(self,cfg,client)
self.cfg=cfg
self.client=client
end
function Bot.prototype.onChat(self,name,message,uuid,hidden)
local parsed=parseChat(message,hidden,self.cfg)
if parsed==nil then
return
end
local p=player(uuid or name,name)
local cfg=self.cfg
if#cfg.players>0 and not listed(
cfg.players,
string.lower(name)
)then
tell(p,"Sorry, this AI only answers the players its owner listed.","yellow")
logInfo(name .." is not in opencc.chat_players")
return
end
repeat
local _q=parsed.command
local _r=_q=="help"
if _r then
do
local lines=string.gsub((string.gsub(
table.concat(_3.HELP_LINES,"\n"),
"<prefix>",
cfg.prefix
)),"<word>",cfg.word)
tell(p,lines)
return
end
end
_r=_r or _q=="new"
if _r then
setSession(p,nil)
tell(p,p.busy and"The reply in progress goes on; your next prompt starts a new conversation."or"Your next prompt starts a new conversation.")
return
end
_r=_r or _q=="stop"
if _r then
self:stop(p)
return
end
_r=_r or(_q=="yes"or _q=="always"or _q=="no"or _q=="pick")
if _r then
if p.awaiting~=nil then
answer(cfg,p,parsed.command,parsed.pick)
return
end
break
end
until true
enqueue(self,p,parsed.text,parsed.hidden)
end
function Bot.prototype.stop(self,p)
if not p.busy then
tell(p,"Nothing to stop.")
return
end
local dropped=#p.queue
p.queue={}
p.stopped=true
refuseWaiting(p)
if dropped>0 then
tell(
p,
((("Dropped ".. tostring(dropped)).." waiting prompt")..(dropped>1 and"s"or"")).."."
)
end
local session=p.session
if session~=nil then
spawn(function()
local ____,msg=ai.protect(function()return self.client:abort(session)end)
if msg~=nil then
logInfo(
(("stop for ".. p.name)..": ").. tostring(msg),
true
)
end
end)
end
end
function Bot.prototype.onThinking(self,p)
p.thinkingTimer=nil
if p.running~=nil and not p.spoke then
tell(p,"thinking…")
end
end
return _3
end,
["help"]=function(...)
local _3={}
_3.HELP_PAGE=table.concat({
"aichat puts the opencode agent in the game chat, through an Advanced Peripherals Chat Box next to this computer. Run it by hand or from startup; Ctrl+T stops it.",
"",
"Players type:",
" @ai <prompt>     ask (each player has their own conversation)",
" $ai <prompt>     ask privately (hidden from the others)",
" @ai new          start a new conversation",
" @ai stop         stop the reply being worked on",
" @ai yes/always/no, @ai <n>  answer the agent",
" @ai help         the commands",
"",
"Settings (set <name> <value>): opencc.server_url and opencc.password (as for ai), opencc.chat_prefix (@ai), opencc.chat_name (AI), opencc.chat_public (false: replies to the asker only), opencc.chat_permissions (ask or reject), opencc.chat_players (allowed names; empty: all), opencc.chat_rate (prompts per minute, 6), opencc.chat_max_prompt (characters, 200), opencc.chat_cooldown (seconds between messages, 1: the server's Chat Box cooldown).",
"",
"The screen shows a line per prompt; /aichat.log keeps them (at most 32 KB, older in /aichat.log.old)."
},"\n")
_3.USAGE="Usage: aichat [--help | --version]"
_3.SHORT_HELP=table.concat({
"aichat - the opencode agent in the game chat",
"Needs an Advanced Peripherals Chat Box. Players:",
" @ai <prompt>    ask ($ai <prompt>: privately)",
" @ai new / stop  new conversation / stop reply",
" @ai yes/no/<n>  answer the agent",
"Settings: opencc.chat_prefix, chat_name,",
" chat_public, chat_permissions, chat_players,",
" chat_rate, chat_max_prompt, chat_cooldown",
" (set shows each)",
"More: help aichat"
},"\n")
return _3
end,
["main"]=function(...)
local _7=require("lualib_bundle")
local __TS__New=_7.__TS__New
local _3={}
local ai=require("libai")
local _s=require("bot")
local Bot=_s.Bot
local _t=require("chatbox")
local findChatBox=_t.findChatBox
local _u=require("help")
local SHORT_HELP=_u.SHORT_HELP
local USAGE=_u.USAGE
local _k=require("log")
local logInfo=_k.logInfo
local _e=require("outbox")
local runOutbox=_e.runOutbox
local _l=require("players")
local byTimer=_l.byTimer
local _v=require("settings")
local defineChatSettings=_v.defineChatSettings
local readChatConfig=_v.readChatConfig
local _m=require("tasks")
local dispatch=_m.dispatch
local running=_m.running
_3.VERSION="0.1.0"
local STOP_WAIT=6
local FLAGS={"--help","--version"}
defineChatSettings()
local function fail(line)
printError(line)
return error("",0)
end
function _3.complete(_shell,index,partial)
local out={}
if index~=1 then
return out
end
for ____,f in ipairs(FLAGS)do
if#f>#partial and string.sub(f,1,#partial)==partial then
out[#out+1]=string.sub(f,#partial+1)
end
end
return out
end
local function loop(bot)
local stopBy
while true do
do
local __continue9
repeat
local event={os.pullEventRaw()}
local name=event[1]
if stopBy~=nil then
if name~="terminate"then
dispatch(event)
end
if running()==0 or os.epoch("utc")>stopBy then
return
end
__continue9=true
break
end
if name=="terminate"then
stopBy=os.epoch("utc")+STOP_WAIT*1000
os.startTimer(STOP_WAIT)
if running()>0 then
print("Stopping the replies in progress on the server...")
end
dispatch(event)
if running()==0 then
return
end
__continue9=true
break
end
if name=="chat"and type(event[2])=="string"and type(event[3])=="string"then
bot:onChat(event[2],event[3],event[4],event[5]==true)
elseif name=="timer"then
local p=byTimer(event[2])
if p~=nil then
bot:onThinking(p)
end
end
dispatch(event)
__continue9=true
until true
if not __continue9 then
break
end
end
end
end
function _3.run(...)
local args={...}
if shell~=nil then
shell.setCompletionFunction(
shell.getRunningProgram(),
_3.complete
)
end
if args[1]=="--help"or args[1]=="-h"then
print(SHORT_HELP)
return
end
if args[1]=="--version"then
print(((("aichat ".. _3.VERSION).." (libai ").. ai.version)..")")
return
end
if#args>0 then
fail(USAGE)
end
local ok,cfgOrError=pcall(readChatConfig)
if not ok then
fail(tostring(cfgOrError))
end
local cfg=cfgOrError
local client,problem=ai.protect(function()return ai.client()end)
if client==nil then
fail(problem)
end
local box,boxName=findChatBox()
if box==nil then
fail("No Chat Box found: place an Advanced Peripherals Chat Box next to this computer (or on a wired modem), then run aichat again.")
end
print(((((("aichat: listening on Chat Box \"".. boxName).."\" for ").. cfg.prefix).." <prompt> (and $").. cfg.word).." <prompt>, hidden).")
print(((("Replies go "..(cfg.public and"to everyone"or"to the asker only")).."; ").. cfg.prefix).." help lists the commands. Ctrl+T stops.")
local bot=__TS__New(Bot,cfg,client)
parallel.waitForAny(
function()
loop(bot)
end,
function()
runOutbox(
box,
cfg.name,
cfg.cooldown,
function(to,why)
logInfo((("could not send to ".. to)..": ").. why,true)
end
)
end
)
print("aichat stopped.")
end
return _3
end,
}
local _w=...
if type(_w)=="table"then return require end
return require("main").run(...)
